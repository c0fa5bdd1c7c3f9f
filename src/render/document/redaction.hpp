#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/analysis.hpp"
#include "model/case.hpp"

namespace casefile::ioc {
class Extractor;
}

namespace casefile::render {

/// Replaces personal data with stable pseudonyms for reports shared outside the team: the same
/// value always becomes the same pseudonym ("User-1", "Host-1", "Private-IP-1", "Email-1",
/// "SID-1"), and every identifier of one user (name, account, UPN, email, SID) becomes that
/// user's pseudonym.
class Redactor {
public:
    /// Collects the case's users and devices, and the private addresses, internal host names,
    /// SIDs and email addresses (other than hand-listed indicators) that appear in its text.
    /// Without an extractor, private addresses are found only among the devices' addresses.
    [[nodiscard]] static Redactor for_case(const model::Case& c, const analysis::Analysis& a,
                                           const ioc::Extractor* extractor);

    /// `text` with every known value replaced. A value matches case-insensitively and only as a
    /// whole token (not inside a longer name or number).
    [[nodiscard]] std::string apply(std::string_view text) const;

    /// (value, pseudonym) pairs, longest value first.
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& mapping() const {
        return needles_;
    }

    /// Adds `value` under `kind` ("User", "Host"...), reusing its pseudonym if already known;
    /// returns the pseudonym.
    std::string add(std::string_view kind, std::string_view value);

private:
    void add_alias(std::string_view value, const std::string& pseudonym);
    void sort();

    std::vector<std::pair<std::string, std::string>> needles_;
    std::vector<std::pair<std::string, int>> counters_;
};

} // namespace casefile::render
