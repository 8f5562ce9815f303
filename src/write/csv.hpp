#pragma once
// CSV fields per RFC 4180: quoted when they hold a comma, quote or newline.

#include <string>
#include <string_view>

namespace kessan::write {

std::string csv_field(std::string_view text);

}  // namespace kessan::write
