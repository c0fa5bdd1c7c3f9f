#include "ioc/substring_set.hpp"

#include <atomic>
#include <new>
#include <stdexcept>

#include <hs/hs.h>

namespace casefile::ioc::detail {

namespace {

/// Numbers every compiled database, so a thread can tell whether its scratch was last fitted
/// to this one; never reused, unlike addresses.
std::atomic<uint64_t> g_last_generation{0};

/// This thread's Vectorscan scratch space, grown to fit each database it scans with.
class ThreadScratch {
public:
    ThreadScratch() = default;
    ThreadScratch(const ThreadScratch&) = delete;
    ThreadScratch& operator=(const ThreadScratch&) = delete;
    ~ThreadScratch() {
        if (scratch_ != nullptr) {
            hs_free_scratch(scratch_);
        }
    }
    hs_scratch_t* fitted_to(const hs_database_t* db, uint64_t generation) {
        if (generation != generation_) {
            if (hs_alloc_scratch(db, &scratch_) != HS_SUCCESS) {
                throw std::bad_alloc();
            }
            generation_ = generation;
        }
        return scratch_;
    }

private:
    hs_scratch_t* scratch_ = nullptr;
    uint64_t generation_ = 0;
};

struct DatabaseFree {
    void operator()(hs_database_t* db) const { hs_free_database(db); }
};

} // namespace

struct SubstringSet::Database {
    std::unique_ptr<hs_database_t, DatabaseFree> db;
    uint64_t generation = 0;
};

SubstringSet::SubstringSet() = default;
SubstringSet::SubstringSet(SubstringSet&&) noexcept = default;
SubstringSet& SubstringSet::operator=(SubstringSet&&) noexcept = default;
SubstringSet::~SubstringSet() = default;

void SubstringSet::add(std::string needle, uint32_t id) {
    if (needle.empty()) {
        return;
    }
    needles_.emplace_back(std::move(needle), id);
    db_.reset();
}

void SubstringSet::build() {
    compile();
}

void SubstringSet::compile() const {
    if (db_ || needles_.empty()) {
        return;
    }
    std::vector<const char*> expressions;
    std::vector<size_t> lengths;
    std::vector<unsigned> ids;
    // One report per id and scan: a list with many needles is named once.
    const std::vector<unsigned> flags(needles_.size(), HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH);
    for (const auto& [needle, id] : needles_) {
        expressions.push_back(needle.data());
        lengths.push_back(needle.size());
        ids.push_back(id);
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned>(needles_.size()), HS_MODE_BLOCK, nullptr, &db,
                             &error) != HS_SUCCESS) {
        // Literals have no syntax to get wrong: what is left is running out of resources.
        const std::string message =
            error != nullptr && error->message != nullptr ? error->message : "unknown error";
        hs_free_compile_error(error);
        throw std::runtime_error("cannot compile the warninglists' substrings: " + message);
    }
    db_ = std::make_unique<Database>();
    db_->db.reset(db);
    db_->generation = ++g_last_generation;
}

void SubstringSet::find_each(std::string_view text, const std::function<void(uint32_t)>& fn) const {
    if (needles_.empty() || text.empty()) {
        return;
    }
    compile(); // a no-op once built
    thread_local ThreadScratch scratch;
    const auto on_match = [](unsigned id, unsigned long long, unsigned long long, unsigned,
                             void* context) {
        (*static_cast<const std::function<void(uint32_t)>*>(context))(id);
        return 0; // go on: other needles may match too
    };
    const hs_error_t scanned =
        hs_scan(db_->db.get(), text.data(), static_cast<unsigned>(text.size()), 0,
                scratch.fitted_to(db_->db.get(), db_->generation), on_match,
                const_cast<void*>(static_cast<const void*>(&fn)));
    if (scanned != HS_SUCCESS) {
        // Only misuse gets here (a scratch in use by a nested call): a silent miss would hide
        // a warninglist hit.
        throw std::logic_error("Vectorscan could not scan a value for warninglist substrings");
    }
}

} // namespace casefile::ioc::detail
