#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// Which of many needles occur in a short text, in one pass: the warninglists' substring lists
// hold hundreds of needles, and every IP, domain and URL of a scan is looked up in them.
namespace casefile::ioc::detail {

class SubstringSet {
public:
    SubstringSet();
    SubstringSet(SubstringSet&&) noexcept;
    SubstringSet& operator=(SubstringSet&&) noexcept;
    ~SubstringSet();

    /// Adds a needle, found in any letter case; an empty needle is ignored.
    void add(std::string needle, uint32_t id);
    /// Compiles the needles added so far (Vectorscan); until then, or after another add(),
    /// find_each() compiles them first and must not run on two threads at once.
    void build();

    /// Calls fn(id) once for every needle that occurs in `text` (ids in no particular order).
    /// Safe on several threads at once after build(): each thread scans with its own scratch.
    void find_each(std::string_view text, const std::function<void(uint32_t)>& fn) const;

private:
    struct Database;
    void compile() const;

    std::vector<std::pair<std::string, uint32_t>> needles_;
    mutable std::unique_ptr<Database> db_; ///< null until built, and after an add()
};

} // namespace casefile::ioc::detail
