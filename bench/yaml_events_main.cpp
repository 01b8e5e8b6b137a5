// cfn-eks-yaml-events: libyaml's bare event parse of one file, building nothing. The floor a
// whole `cfn-eks lint` of the same YAML file is compared with (bench/compare.py).
//   cfn-eks-yaml-events FILE

#include <yaml.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: cfn-eks-yaml-events FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cfn-eks-yaml-events: cannot read '" << argv[1] << "'\n";
    return 2;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = std::move(buffer).str();
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  yaml_event_t event;
  std::size_t events = 0;
  bool ok = true;
  while (true) {
    if (!yaml_parser_parse(&parser, &event)) {
      ok = false;
      break;
    }
    const bool end = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    ++events;
    if (end) break;
  }
  yaml_parser_delete(&parser);
  std::cout << events << " events\n";
  return ok ? 0 : 1;
}
