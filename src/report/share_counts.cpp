#include "report/share_counts.hpp"

namespace kessan {

ShareCount share_count(const LayoutLine& line, const ShareData& data) {
  ShareCount out;
  if (line.diluted && !data.diluted_average) {
    out.state = ShareCount::State::NoDiluted;
    return out;
  }
  out.count = Ratio::from_decimal(line.diluted ? *data.diluted_average : data.weighted_average);
  if (line.kind == LineKind::PerAds || line.kind == LineKind::AdsCount) {
    if (data.ads_per_share.is_zero()) {
      out.state = ShareCount::State::NoAds;
      return out;
    }
    auto ads = Ratio::mul(out.count, Ratio::from_decimal(data.ads_per_share));
    if (!ads) {
      out.state = ShareCount::State::Overflow;
      return out;
    }
    out.count = *ads;
  }
  return out;
}

std::optional<Ratio> shown_count(const LayoutLine& line, const Ratio& count) {
  if (!line.unit) return count;
  return Ratio::div(count, Ratio::from_decimal(*line.unit));
}

std::string missing_count_message(const LayoutLine& line, const std::string& period) {
  return "line '" + line.label + "' needs the diluted weighted average number of shares for " + period +
         ", and book.toml gives none";
}

std::string missing_count_expected(const LayoutLine&, const std::string& period) {
  return "diluted_weighted_average in the [[shares]] table with period = \"" + period +
         "\" (the basic count when nothing dilutes)";
}

}  // namespace kessan
