// The shared user data decoder (src/util/user_data_bytes): base64, gzip with a size cap,
// corrupt data reported with where inflating stopped.

#include <boost/test/unit_test.hpp>

#include <string>

#include "util/user_data_bytes.hpp"

namespace {

using namespace cfn_eks;

const std::string kScript = "#cloud-config\nruncmd:\n- - /var/lib/cloud/scripts/eksctl/bootstrap.al2.sh\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(user_data_bytes)

BOOST_AUTO_TEST_CASE(base64_round_trip_and_rejects) {
  for (const std::string text : {"", "a", "ab", "abc", "abcd", "#!/bin/bash\necho hi\n"}) {
    const auto decoded = base64_decode_bytes(base64_encode(text));
    BOOST_REQUIRE(decoded.has_value());
    BOOST_TEST(*decoded == text);
  }
  BOOST_TEST(base64_encode("abcd") == "YWJjZA==");
  BOOST_TEST(!base64_decode_bytes("not base64!").has_value());
  BOOST_TEST(!base64_decode_bytes("YWJj=ZA").has_value());  // data after padding
  BOOST_TEST(*base64_decode_bytes("YWJj\nZA==") == "abcd");
}

BOOST_AUTO_TEST_CASE(gzip_round_trip) {
  const std::string compressed = gzip(kScript);
  BOOST_TEST(is_gzip(compressed));
  const Inflated inflated = gunzip(compressed);
  BOOST_TEST(!inflated.error.has_value());
  BOOST_TEST(inflated.bytes == kScript);
  // eksctl's literal shape: base64 of gzip, starting "H4sI".
  const std::string literal = base64_encode(compressed);
  BOOST_TEST(literal.starts_with("H4sI"));
  const auto decoded = decode_user_data_literal(literal);
  BOOST_REQUIRE(decoded.has_value());
  BOOST_TEST(decoded->gzipped);
  BOOST_TEST(!decoded->error.has_value());
  BOOST_TEST(decoded->text == kScript);
}

BOOST_AUTO_TEST_CASE(corrupt_gzip_says_where) {
  std::string compressed = gzip(kScript);
  compressed[compressed.size() / 2] = static_cast<char>(compressed[compressed.size() / 2] ^ 0x55);
  const Inflated bad = gunzip(compressed);
  BOOST_REQUIRE(bad.error.has_value());
  BOOST_TEST(bad.bytes.empty());
  BOOST_TEST(bad.error_offset <= compressed.size());
  const Inflated truncated = gunzip(gzip(kScript).substr(0, 20));
  BOOST_REQUIRE(truncated.error.has_value());
  BOOST_TEST(truncated.error->find("truncated") != std::string::npos);
  const auto decoded = decode_user_data_literal(base64_encode(compressed));
  BOOST_REQUIRE(decoded.has_value());
  BOOST_REQUIRE(decoded->error.has_value());
  BOOST_TEST(decoded->error->find("of the compressed data") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(zip_bomb_stops_at_the_cap) {
  // 20 MiB of zeros compress to about 20 KB; the default cap (16 MiB) stops them.
  const std::string bomb = gzip(std::string(20u * 1024u * 1024u, '\0'));
  BOOST_TEST(bomb.size() < 64u * 1024u);
  const Inflated inflated = gunzip(bomb);
  BOOST_REQUIRE(inflated.error.has_value());
  BOOST_TEST(inflated.error->find("more than 16777216 bytes") != std::string::npos);
  BOOST_TEST(inflated.bytes.empty());
  // A small cap works the same way on text.
  const Inflated capped = gunzip(gzip(std::string(5000, 'x')), 4096);
  BOOST_TEST(capped.error.has_value());
}

BOOST_AUTO_TEST_CASE(binary_and_short_literals) {
  // gzip of binary bytes is not user data text.
  const auto binary = decode_user_data_literal(base64_encode(gzip(std::string("\x01\x02\x03\x04\x05\x06", 6))));
  BOOST_REQUIRE(binary.has_value());
  BOOST_TEST(binary->error.has_value());
  // Short words are base64 by accident and stay text.
  BOOST_TEST(!decode_user_data_literal("true").has_value());
  // base64 of plain text decodes without gzip.
  const auto plain = decode_user_data_literal(base64_encode(kScript));
  BOOST_REQUIRE(plain.has_value());
  BOOST_TEST(!plain->gzipped);
  BOOST_TEST(plain->text == kScript);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
