#include "cli/problems.hpp"

#include <fstream>
#include <iostream>
#include <string>
#include <unordered_set>

#include "write/diagnostic_writer.hpp"

namespace kessan::cli {
namespace {

// Line `line` (1-based) of a small text file, or "" (for diagnostics that
// name a place in a book's settings, layouts or templates without its text).
std::string file_line(const std::string& path, std::uint32_t line) {
  std::ifstream in(path);
  std::string text;
  for (std::uint32_t i = 0; i < line && std::getline(in, text); ++i) {
  }
  if (!in) return "";
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

// One key per distinct problem: its place and message.
std::string problem_key(const Diagnostic& d) {
  std::string key = d.file;
  key += '\0';
  key += std::to_string(d.line) + ':' + std::to_string(d.column);
  key += '\0';
  key += d.message;
  return key;
}

}  // namespace

std::vector<Diagnostic> distinct_problems(std::vector<Diagnostic> all, std::size_t max_errors, std::size_t* count) {
  std::vector<Diagnostic> errors;
  std::unordered_set<std::string> seen;
  *count = 0;
  for (auto& d : all) {
    if (!seen.insert(problem_key(d)).second) continue;
    ++*count;
    if (errors.size() < max_errors) errors.push_back(std::move(d));
  }
  for (Diagnostic& d : errors)
    // (1:1 names a whole file, such as a layout, rather than a place in it.)
    if (d.line_text.empty() && d.line > 0 && d.column > 0 && !(d.line == 1 && d.column == 1))
      set_line(&d, file_line(d.file, d.line));
  return errors;
}

void print_errors(std::vector<Diagnostic> all, std::size_t max_errors) {
  std::size_t count = 0;
  std::vector<Diagnostic> errors = distinct_problems(std::move(all), max_errors, &count);
  for (const Diagnostic& d : errors) std::cerr << render(d);
  // Readers collect one error more than shown, to know whether any are left out.
  if (count > max_errors)
    std::cerr << "stopped after " << max_errors << (max_errors == 1 ? " error" : " errors")
              << " (use --max-errors to see more)\n";
  else if (count > 1)
    std::cerr << count << " errors\n";
}

void print_errors_json(std::ostream& out, std::vector<Diagnostic> all, std::size_t max_errors) {
  std::size_t count = 0;
  std::vector<Diagnostic> errors = distinct_problems(std::move(all), max_errors, &count);
  write::write_diagnostics_json(out, errors, count);
}

}  // namespace kessan::cli
