#pragma once
// What the front ends do with a book once it is read: name the period to
// present, find its release template, and build its statements and its
// release (as data; nothing is printed here). `kessan statements`,
// `kessan release` and `kessan check BOOK` share it.
//
// Contract: problems with the book are diagnostics appended to `errors`;
// a period that cannot be presented is a message for the user (`why`),
// since it comes from the command line or a file name, not from a book file.

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/fiscal_calendar.hpp"
#include "read/book_reader.hpp"
#include "report/figures.hpp"
#include "report/release.hpp"
#include "report/table.hpp"

namespace kessan::app {

// The parts of the book the reports draw from.
report::BookView view_of(const read::Book& book);

// The period `name` names, if the book's calendar names it and it can be
// presented (its comparison periods lie within the years dates can have);
// otherwise empty and *why says why, with an example of a name that works.
std::optional<Period> presentable_period(const read::Book& book, const std::string& name, std::string* why);

// The release template of `period`: the book's [release] template with
// {period} replaced by the period's name, relative to the book.
std::string template_path(const read::Book& book, const Period& period);

// The book's statements for `period`, in the book's order: those shown for
// the period (shown_for), or those whose ids are in `only` when it is not
// empty. A statement with a problem is
// left out and its problems appended to `errors`.
std::vector<report::Table> build_statements(const read::Book& book, const Period& period,
                                            const std::vector<std::string>& only, std::vector<Diagnostic>* errors);

// Reads the template at `template_file` and builds the release of `period`;
// empty when the template or the book has a problem (in `errors`). Checking
// stops after about `max_errors` problems.
std::optional<report::ReleaseDocument> build_release(const read::Book& book, const Period& period,
                                                     const std::string& template_file, std::size_t max_errors,
                                                     std::vector<Diagnostic>* errors);

}  // namespace kessan::app
