#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "model/enums.hpp"

namespace casefile::ioc {

/// Summary of one loaded list.
struct WarninglistInfo {
    std::string name;
    std::string type; ///< cidr, string, substring, hostname or regex
    size_t entries = 0;
};

/// Lists of known-benign or well-known values (MISP warninglists format) that flag likely false
/// positives. Matching follows MISP: `cidr` IP-in-prefix (a bare address is /32 or /128),
/// `string` exact, `substring` contains, `hostname` the host or any parent domain (a URL's host
/// is used), `regex` a search with the list's pattern; a list only applies to the indicator
/// types its `matching_attributes` name (all types when it names none). Case is ignored.
class Warninglists {
public:
    Warninglists();
    Warninglists(Warninglists&&) noexcept;
    Warninglists& operator=(Warninglists&&) noexcept;
    ~Warninglists();

    /// Loads every `<dir>/<name>/list.json` (and `<dir>/*.json`). A list that cannot be read is
    /// skipped with a warning in `notes`; an unusable directory is an error.
    [[nodiscard]] static Result<Warninglists> load_directory(const std::filesystem::path& dir,
                                                             std::vector<Diagnostic>* notes);

    /// Loads one list from its JSON text; `origin` names it in errors. Not to be called while
    /// another thread looks values up.
    [[nodiscard]] Status add_list_json(std::string_view json, const std::string& origin);

    /// The facts that apply without any list directory: IANA special-purpose ranges and
    /// reserved names, major public DNS resolvers, and provider ranges that often cause false
    /// positives (GitHub, Cloudflare).
    [[nodiscard]] static Warninglists builtin();

    /// Names of the lists that contain `canonical` (a canonical value of `type`), in load order.
    [[nodiscard]] std::vector<std::string> lookup(model::IndicatorType type,
                                                  std::string_view canonical) const;

    [[nodiscard]] std::vector<WarninglistInfo> lists() const;

private:
    void finalize(); ///< builds the range index and substring matcher: lookups never write
    struct Data;
    std::unique_ptr<Data> data_;
};

} // namespace casefile::ioc
