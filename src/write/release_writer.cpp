#include "write/release_writer.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "write/prose_writer.hpp"
#include "write/table_writer.hpp"

namespace kessan::write {
namespace {

using report::ReleaseBlock;
using report::ReleaseDocument;

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using Node = std::unique_ptr<cmark_node, NodeDeleter>;

Node parse_markdown(const std::string& text) {
  return Node(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
}

// ---------------------------------------------------------------------------
// Plain text from Markdown

class PlainText {
 public:
  std::string render(cmark_node* document) {
    for (cmark_node* n = cmark_node_first_child(document); n; n = cmark_node_next(n)) block(n, "");
    return out_;
  }

 private:
  void separate() {
    if (!out_.empty()) out_ += '\n';
  }

  void block(cmark_node* n, const std::string& indent) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        separate();
        out_ += indent + inlines(n) + '\n';
        break;
      case CMARK_NODE_HEADING: {
        separate();
        std::string text = inlines(n);
        out_ += indent + text + '\n';
        if (cmark_node_get_heading_level(n) <= 2)
          out_ += indent + std::string(display_length(text), cmark_node_get_heading_level(n) == 1 ? '=' : '-') + '\n';
        break;
      }
      case CMARK_NODE_LIST: {
        separate();
        int number = cmark_node_get_list_start(n);
        bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
          std::string marker = ordered ? std::to_string(number++) + ". " : "- ";
          bool first = true;
          for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
            if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
              out_ += indent + (first ? marker : std::string(marker.size(), ' ')) + inlines(c) + '\n';
            } else {
              block(c, indent + std::string(marker.size(), ' '));
            }
            first = false;
          }
        }
        break;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) block(c, indent + "> ");
        break;
      case CMARK_NODE_CODE_BLOCK: {
        separate();
        std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
        std::size_t start = 0;
        while (start < literal.size()) {
          std::size_t end = literal.find('\n', start);
          if (end == std::string::npos) end = literal.size();
          out_ += indent + "    " + literal.substr(start, end - start) + '\n';
          start = end + 1;
        }
        break;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        separate();
        out_ += indent + std::string(40, '-') + '\n';
        break;
      case CMARK_NODE_HTML_BLOCK:
        break;  // markup for HTML only
      default:
        break;
    }
  }

  static std::size_t display_length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }

  static std::string inlines(cmark_node* parent) {
    std::string text;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          text += cmark_node_get_literal(n);
          break;
        case CMARK_NODE_SOFTBREAK:
          text += ' ';
          break;
        case CMARK_NODE_LINEBREAK:
          text += '\n';
          break;
        case CMARK_NODE_LINK: {
          std::string label = inlines(n);
          std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
          text += label;
          if (!url.empty() && url != label) text += " (" + url + ")";
          break;
        }
        case CMARK_NODE_HTML_INLINE:
          break;
        default:  // emphasis, strong, image: their text
          text += inlines(n);
      }
    }
    return text;
  }

  std::string out_;
};

// ---------------------------------------------------------------------------

std::string markdown_of(const ReleaseBlock& block) {
  return prose_text(block.text);
}

void write_markdown(std::ostream& out, const ReleaseDocument& doc) {
  bool first = true;
  for (const ReleaseBlock& block : doc.blocks) {
    if (!first) out << '\n';
    first = false;
    if (block.table) {
      write_table(out, *block.table, TableFormat::Markdown);
    } else {
      std::string text = markdown_of(block);
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      while (!text.empty() && text.front() == '\n') text.erase(0, 1);
      out << text << '\n';
    }
  }
}

void write_text(std::ostream& out, const ReleaseDocument& doc) {
  bool first = true;
  for (const ReleaseBlock& block : doc.blocks) {
    std::string text;
    if (!block.table) {
      Node document = parse_markdown(markdown_of(block));
      text = PlainText().render(document.get());
      if (text.empty()) continue;
    }
    if (!first) out << '\n';
    first = false;
    if (block.table)
      write_table(out, *block.table, TableFormat::Text);
    else
      out << text;
  }
}

void write_tsv(std::ostream& out, const ReleaseDocument& doc) {
  bool first = true;
  for (const ReleaseBlock& block : doc.blocks) {
    if (!block.table) continue;
    if (!first) out << '\n';
    first = false;
    write_table(out, *block.table, TableFormat::Tsv);
  }
}

constexpr const char* kReleaseStyle = R"(
div.prose { max-width: 48em; }
div.prose p, div.prose li { line-height: 1.4; }
div.prose h1 { font-size: 14pt; margin: 1em 0 0.5em; }
div.prose h2 { font-size: 12pt; margin: 1.2em 0 0.4em; }
div.prose h3 { font-size: 10pt; margin: 1em 0 0.3em; }
span.figure { white-space: nowrap; }
section.table { page-break-after: auto; break-after: auto; page-break-inside: avoid; break-inside: avoid; }
section.statement { page-break-before: always; break-before: page; page-break-after: auto; break-after: auto;
                    font-size: 8pt; }
section.statement td, section.statement th { padding: 0.05em 0.5em; }
section.statement td.label { white-space: nowrap; }
section.wide { page: wide; }
@page wide { size: A4 landscape; margin: 10mm; }
)";

void write_html(std::ostream& out, const ReleaseDocument& doc) {
  out << "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" << html_escape(doc.title)
      << "</title>\n<style>\n"
      << html_table_style() << kReleaseStyle << "</style>\n</head>\n<body>\n";
  for (const ReleaseBlock& block : doc.blocks) {
    if (block.table) {
      // Release tables stay with their text; statements start a page (kReleaseStyle).
      write_html_section(out, *block.table);
      continue;
    }
    std::string markdown = prose_markup(
        block.text, [](std::string_view s) { return std::string(s); },
        html_figure);
    char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_UNSAFE);
    out << "<div class=\"prose\">\n" << html << "</div>\n";
    free(html);  // NOLINT: allocated by cmark with malloc
  }
  out << "</body>\n</html>\n";
}

}  // namespace

std::optional<ReleaseFormat> parse_release_format(std::string_view name) {
  if (name == "txt") return ReleaseFormat::Text;
  if (name == "md") return ReleaseFormat::Markdown;
  if (name == "html") return ReleaseFormat::Html;
  if (name == "tsv") return ReleaseFormat::Tsv;
  return std::nullopt;
}

void write_release(std::ostream& out, const ReleaseDocument& release, ReleaseFormat format) {
  switch (format) {
    case ReleaseFormat::Markdown:
      return write_markdown(out, release);
    case ReleaseFormat::Text:
      return write_text(out, release);
    case ReleaseFormat::Html:
      return write_html(out, release);
    case ReleaseFormat::Tsv:
      return write_tsv(out, release);
  }
}

}  // namespace kessan::write
