// Fuzz target: the release template reader, and the template's Markdown
// rendered by the release writer in every format (each placeholder stands
// in as a fixed figure or table).
//
// Oracles:
//  - a template that does not read carries a diagnostic with a place;
//  - every placeholder of a read template has a place;
//  - every release format writes the document (no crash, no sanitizer
//    report); the HTML one is a whole document.

#include <cstddef>
#include <cstdint>
#include <sstream>

#include "fuzz_support.hpp"
#include "read/template_reader.hpp"
#include "report/release.hpp"
#include "write/release_writer.hpp"

namespace {

using namespace kessan;
using fuzz::require;

report::ProseFigure stand_in_figure() {
  report::ProseFigure f;
  f.cell.kind = report::CellKind::Number;
  f.cell.numerator = Decimal(-1234567);
  f.cell.denominator = Decimal(1000);
  f.cell.decimals = 1;
  f.prefix = "EUR ";
  f.suffix = " thousand";
  f.source = "stand-in";
  return f;
}

report::Table stand_in_table(const std::string& id) {
  report::Table t;
  t.id = id;
  t.title = {"Table " + id};
  t.columns = {report::Column{"amount:current", "", "EUR"}};
  report::Row row;
  row.id = "line";
  row.label = "Line";
  row.cells = {stand_in_figure().cell};
  t.rows = {row};
  return t;
}

report::ReleaseDocument document_of(const ReleaseTemplate& tpl) {
  report::ReleaseDocument doc;
  doc.title = "Fuzz AG Q1 2025";
  doc.blocks.emplace_back();
  for (const TemplatePiece& piece : tpl.pieces) {
    if (!piece.placeholder) {
      doc.blocks.back().text.add(piece.text);
    } else if (piece.placeholder->block) {
      doc.blocks.push_back({report::Prose(), stand_in_table(piece.placeholder->argument)});
      doc.blocks.emplace_back();
    } else {
      doc.blocks.back().text.add(stand_in_figure());
    }
  }
  return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ReleaseTemplate tpl;
  std::vector<Diagnostic> errors;
  if (!read::parse_template(text, "fuzz.md", &tpl, &errors)) {
    fuzz::require_diagnostic(errors, "the template reader");
    for (const Diagnostic& d : errors) require(d.line > 0, "a template diagnostic without a line", d.message);
    return 0;
  }
  for (const TemplatePiece& piece : tpl.pieces)
    if (piece.placeholder) require(piece.placeholder->where.line > 0, "a placeholder without a place");
  report::ReleaseDocument doc = document_of(tpl);
  for (auto format : {write::ReleaseFormat::Text, write::ReleaseFormat::Markdown, write::ReleaseFormat::Html,
                      write::ReleaseFormat::Tsv}) {
    std::ostringstream out;
    write::write_release(out, doc, format);
    if (format == write::ReleaseFormat::Html)
      require(out.str().find("</html>") != std::string::npos, "the HTML release is not a whole document");
  }
  return 0;
}
