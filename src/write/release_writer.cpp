#include "write/release_writer.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

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

// Walks the document with cmark's iterator rather than by recursion, so that
// deeply nested block quotes, lists or emphasis cannot exhaust the stack.
// The line prefix of nested blocks ("> " per quote, spaces under a list
// marker) is one string that grows on entering and shrinks on leaving.
class PlainText {
 public:
  std::string render(cmark_node* document) {
    cmark_iter* it = cmark_iter_new(document);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(it);
      if (ev == CMARK_EVENT_ENTER)
        enter(n);
      else
        leave(n);
    }
    cmark_iter_free(it);
    return out_;
  }

 private:
  // A list item: its marker, and whether its first block is still to come.
  struct Item {
    std::string marker;
    std::size_t indent_before;
    bool first = true;
  };

  void separate() {
    if (!out_.empty()) out_ += '\n';
  }

  static bool in_item(cmark_node* n) {
    cmark_node* parent = cmark_node_parent(n);
    return parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
  }

  // Blocks directly in a list item: the first paragraph carries the marker.
  void start_block(cmark_node* n) {
    if (!in_item(n) || items_.empty()) return;
    Item& item = items_.back();
    if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
      line_prefix_ = item.first ? indent_.substr(0, item.indent_before) + item.marker : indent_;
    item.first = false;
  }

  void enter(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        if (!in_item(n)) separate();
        line_prefix_ = indent_;
        start_block(n);
        text_.clear();
        break;
      case CMARK_NODE_HEADING:
        separate();
        line_prefix_ = indent_;
        start_block(n);
        text_.clear();
        break;
      case CMARK_NODE_LIST:
        start_block(n);
        separate();
        numbers_.push_back(cmark_node_get_list_start(n));
        break;
      case CMARK_NODE_ITEM: {
        cmark_node* list = cmark_node_parent(n);
        bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
        std::string marker = ordered ? std::to_string(numbers_.empty() ? 1 : numbers_.back()++) + ". " : "- ";
        items_.push_back({marker, indent_.size()});
        indent_ += std::string(marker.size(), ' ');
        break;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        start_block(n);
        quotes_.push_back(indent_.size());
        indent_ += "> ";
        break;
      case CMARK_NODE_CODE_BLOCK: {
        start_block(n);
        separate();
        std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
        std::size_t start = 0;
        while (start < literal.size()) {
          std::size_t end = literal.find('\n', start);
          if (end == std::string::npos) end = literal.size();
          out_ += indent_ + "    " + literal.substr(start, end - start) + '\n';
          start = end + 1;
        }
        break;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        start_block(n);
        separate();
        out_ += indent_ + std::string(40, '-') + '\n';
        break;
      case CMARK_NODE_HTML_BLOCK:
        start_block(n);
        break;  // markup for HTML only
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        text_ += cmark_node_get_literal(n);
        break;
      case CMARK_NODE_SOFTBREAK:
        text_ += ' ';
        break;
      case CMARK_NODE_LINEBREAK:
        text_ += '\n';
        break;
      case CMARK_NODE_LINK:
        links_.push_back(text_.size());
        break;
      default:  // emphasis, strong, image: their text; inline HTML: nothing
        break;
    }
  }

  void leave(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        out_ += line_prefix_ + text_ + '\n';
        break;
      case CMARK_NODE_HEADING:
        out_ += line_prefix_ + text_ + '\n';
        if (cmark_node_get_heading_level(n) <= 2)
          out_ += line_prefix_ + std::string(display_length(text_), cmark_node_get_heading_level(n) == 1 ? '=' : '-') +
                  '\n';
        break;
      case CMARK_NODE_LIST:
        numbers_.pop_back();
        break;
      case CMARK_NODE_ITEM:
        indent_.resize(items_.back().indent_before);
        items_.pop_back();
        break;
      case CMARK_NODE_BLOCK_QUOTE:
        indent_.resize(quotes_.back());
        quotes_.pop_back();
        break;
      case CMARK_NODE_LINK: {
        std::string label = text_.substr(links_.back());
        links_.pop_back();
        std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
        if (!url.empty() && url != label) text_ += " (" + url + ")";
        break;
      }
      default:
        break;
    }
  }

  static std::size_t display_length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }

  std::string out_;
  std::string indent_;       // the prefix of lines in the current block
  std::string line_prefix_;  // the prefix of the paragraph or heading being read
  std::string text_;         // the text of the paragraph or heading being read
  std::vector<Item> items_;
  std::vector<int> numbers_;         // the next number of each open list
  std::vector<std::size_t> quotes_;  // indent_ sizes before each open quote
  std::vector<std::size_t> links_;   // where each open link's label starts in text_
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
        block.text, [](std::string_view s) { return std::string(s); }, html_figure);
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
