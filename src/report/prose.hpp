#pragma once
// Prose: running text with exact figures in it — a release's narrative, a
// note under a statement. Reports decide the words (increase or decrease,
// loss or income) and the figures' exact values and precision; writers
// format the figures (write/prose_writer.hpp), exactly as they format table
// cells, and never choose words.

#include <optional>
#include <string>
#include <vector>

#include "report/cell.hpp"

namespace kessan::report {

// A figure in running text: "JPY9,849 million", "$3.9 million", "18.2%",
// "JPY(-)57.72".
struct ProseFigure {
  Cell cell;                   // the exact value in the shown scale, rounded once when written
  std::string prefix;          // "JPY", "$"
  std::string suffix;          // " million", "%"
  std::string negative = "-";  // printed before the digits of a negative figure ("(-)")
  std::string source;          // what it is and where it comes from, for tracing
};

// A piece of prose: text, or a figure.
struct Span {
  std::string text;
  std::optional<ProseFigure> figure;
};

struct Prose {
  std::vector<Span> spans;

  Prose() = default;
  Prose(std::string text) { add(std::move(text)); }  // NOLINT: plain text converts implicitly
  Prose(const char* text) : Prose(std::string(text)) {}

  void add(std::string text) {
    if (text.empty()) return;
    if (!spans.empty() && !spans.back().figure)
      spans.back().text += text;
    else
      spans.push_back({std::move(text), std::nullopt});
  }
  void add(const char* text) { add(std::string(text)); }
  void add(ProseFigure figure) { spans.push_back({"", std::move(figure)}); }
  void add(const Prose& other) {
    for (const Span& s : other.spans) {
      if (s.figure)
        add(*s.figure);
      else
        add(s.text);
    }
  }
};

}  // namespace kessan::report
