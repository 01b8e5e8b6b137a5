// In-process benchmarks per phase (Google Benchmark), with throughput in bytes per second.
//   build/bench/cfn_eks_micro_benchmarks [--benchmark_filter=Lint]

#include <benchmark/benchmark.h>
#include <yaml.h>

#include "cfn_eks/document.hpp"
#include "cfn_eks/linter.hpp"
#include "cfn_eks/resolver.hpp"
#include "template_generator.hpp"

namespace {

using cfn_eks::bench::GeneratedFormat;

std::shared_ptr<const cfn_eks::SourceFile> source_of(std::size_t bytes, GeneratedFormat format) {
  return std::make_shared<cfn_eks::SourceFile>(format == GeneratedFormat::Yaml ? "gen.yaml" : "gen.json",
                                               cfn_eks::bench::generate_template_of_size(bytes, format));
}

// The floor for YAML: libyaml's event parse alone, building nothing.
void BM_LibyamlEventsOnly(benchmark::State& state) {
  const auto source = source_of(static_cast<std::size_t>(state.range(0)), GeneratedFormat::Yaml);
  const std::string& text = source->text();
  for (auto _ : state) {
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    yaml_event_t event;
    std::size_t events = 0;
    while (yaml_parser_parse(&parser, &event)) {
      const bool end = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete(&event);
      ++events;
      if (end) break;
    }
    yaml_parser_delete(&parser);
    benchmark::DoNotOptimize(events);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_LoadYaml(benchmark::State& state) {
  const auto source = source_of(static_cast<std::size_t>(state.range(0)), GeneratedFormat::Yaml);
  for (auto _ : state) {
    cfn_eks::Document document = cfn_eks::load_yaml(source);
    benchmark::DoNotOptimize(document.root);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(source->text().size()));
}

void BM_LoadJson(benchmark::State& state) {
  const auto source = source_of(static_cast<std::size_t>(state.range(0)), GeneratedFormat::Json);
  for (auto _ : state) {
    cfn_eks::Document document = cfn_eks::load_json(source);
    benchmark::DoNotOptimize(document.root);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(source->text().size()));
}

void BM_ResolveEveryProperty(benchmark::State& state) {
  const auto source = source_of(static_cast<std::size_t>(state.range(0)), GeneratedFormat::Yaml);
  const cfn_eks::Document document = cfn_eks::load_yaml(source);
  const cfn_eks::Template tmpl(document);
  for (auto _ : state) {
    const cfn_eks::Resolver resolver(tmpl);
    std::size_t values = 0;
    for (const cfn_eks::Resource& resource : tmpl.resources()) {
      if (resource.properties == nullptr || !resource.properties->is_mapping()) continue;
      for (const cfn_eks::MapEntry& entry : resource.properties->entries) values += resolver.resolve(*entry.value).values.size();
    }
    benchmark::DoNotOptimize(values);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(source->text().size()));
}

void BM_LintYaml(benchmark::State& state) {
  const auto source = source_of(static_cast<std::size_t>(state.range(0)), GeneratedFormat::Yaml);
  cfn_eks::LintOptions options;
  options.use_config_files = false;
  for (auto _ : state) {
    const cfn_eks::FileReport report = cfn_eks::lint_source(source, cfn_eks::default_registry(), options);
    benchmark::DoNotOptimize(report.diagnostics.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(source->text().size()));
}

void BM_LintByResourceCount(benchmark::State& state) {
  const auto source = std::make_shared<cfn_eks::SourceFile>(
      "gen.yaml", cfn_eks::bench::generate_template(static_cast<int>(state.range(0)), GeneratedFormat::Yaml));
  cfn_eks::LintOptions options;
  options.use_config_files = false;
  for (auto _ : state) {
    const cfn_eks::FileReport report = cfn_eks::lint_source(source, cfn_eks::default_registry(), options);
    benchmark::DoNotOptimize(report.diagnostics.size());
  }
  state.SetComplexityN(state.range(0));
}

// Schema validation alone (the S rules), by template size: must stay linear. Each iteration
// starts from a fresh lint context, so the per-template validation cache is not reused; the
// schemas themselves are parsed once per process (lazily), as in real runs.
void BM_SchemaValidation(benchmark::State& state) {
  const auto source = source_of(static_cast<std::size_t>(state.range(0)), GeneratedFormat::Yaml);
  cfn_eks::LintOptions options;
  options.use_config_files = false;
  options.only = {"S101", "S102", "S103", "S104", "S105", "S106", "S107", "S108", "S109", "S110", "S202"};
  for (auto _ : state) {
    const cfn_eks::FileReport report = cfn_eks::lint_source(source, cfn_eks::default_registry(), options);
    benchmark::DoNotOptimize(report.diagnostics.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(source->text().size()));
  state.SetComplexityN(state.range(0));
}

constexpr int64_t k100KB = 100 * 1000;
constexpr int64_t k1MB = 1000 * 1000;

BENCHMARK(BM_LibyamlEventsOnly)->Arg(k100KB)->Arg(k1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadYaml)->Arg(k100KB)->Arg(k1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadJson)->Arg(k100KB)->Arg(k1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ResolveEveryProperty)->Arg(k100KB)->Arg(k1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SchemaValidation)->Arg(k100KB / 4)->Arg(k100KB)->Arg(k1MB / 4)->Arg(k1MB)->Complexity()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LintYaml)->Arg(k100KB)->Arg(k1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LintByResourceCount)->Arg(250)->Arg(500)->Arg(1000)->Arg(2000)->Arg(4000)->Complexity()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
