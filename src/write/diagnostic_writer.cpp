#include "write/diagnostic_writer.hpp"

#include <nlohmann/json.hpp>

namespace kessan::write {

void write_diagnostics_json(std::ostream& out, const std::vector<Diagnostic>& errors, std::size_t count) {
  nlohmann::json list = nlohmann::json::array();
  for (const Diagnostic& d : errors) {
    nlohmann::json notes = nlohmann::json::array();
    for (const std::string& n : d.notes) notes.push_back(n);
    list.push_back({{"kind", kind_name(d.kind)},
                    {"file", d.file},
                    {"line", d.line},
                    {"column", d.column},
                    {"message", d.message},
                    {"expected", d.expected},
                    {"line_text", d.line_text},
                    {"notes", notes}});
  }
  nlohmann::json doc = {{"errors", list}, {"count", count}, {"shown", errors.size()}};
  // Bytes that are not UTF-8 (a journal may hold them) are replaced, not refused.
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace kessan::write
