#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace casefile::ioc::detail {

/// Allocates arrays of 2 MiB or more on 2 MiB boundaries and asks the kernel for transparent
/// huge pages there. The indicator table is probed at random: with 4 KiB pages nearly every
/// probe of a large set also misses the TLB, and each page costs a fault of its own.
template <class T> class HugePageAllocator {
public:
    using value_type = T;
    static constexpr size_t kHugePage = size_t{2} << 20;

    HugePageAllocator() = default;
    template <class U> explicit HugePageAllocator(const HugePageAllocator<U>& /*other*/) {}

    [[nodiscard]] T* allocate(size_t n) {
        const size_t bytes = n * sizeof(T);
        if (bytes < kHugePage) {
            return static_cast<T*>(::operator new(bytes));
        }
        const size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
        void* p = std::aligned_alloc(kHugePage, rounded);
        if (p == nullptr) {
            throw std::bad_alloc();
        }
        // Advice only: without huge pages the memory works the same.
        ::madvise(p, rounded, MADV_HUGEPAGE);
        return static_cast<T*>(p);
    }
    void deallocate(T* p, size_t n) {
        if (n * sizeof(T) < kHugePage) {
            ::operator delete(p);
            return;
        }
        std::free(p);
    }

    friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

} // namespace casefile::ioc::detail
