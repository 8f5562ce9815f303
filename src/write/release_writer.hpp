#pragma once
// Writing an earnings release (report/release.hpp).
//
// Contract:
//  - The prose is Markdown as its authors wrote it, with every figure
//    formatted once (write/prose_writer.hpp); tables are written by
//    write/table_writer.hpp. Nothing is computed here.
//  - Formats:
//      Markdown  the prose as Markdown, tables as pipe tables.
//      Text      the prose rendered from Markdown to plain text (headings,
//                paragraphs, lists; emphasis and inline HTML dropped),
//                tables aligned for a terminal.
//      Html      one standalone, print-ready document: the prose rendered
//                by CommonMark (cmark), each figure in an element whose
//                title names its source, tables in the statement style;
//                every statement starts a printed page; no scripts or
//                external resources.
//      Tsv       every table of the release in TSV (the shape of a
//                release's tables), in order, separated by blank lines.

#include <optional>
#include <ostream>
#include <string_view>

#include "report/release.hpp"

namespace kessan::write {

enum class ReleaseFormat { Text, Markdown, Html, Tsv };

// "txt", "md", "html" or "tsv"; empty for anything else.
std::optional<ReleaseFormat> parse_release_format(std::string_view name);

void write_release(std::ostream& out, const report::ReleaseDocument& release, ReleaseFormat format);

}  // namespace kessan::write
