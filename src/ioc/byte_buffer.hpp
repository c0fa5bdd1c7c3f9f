#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string_view>

namespace casefile::ioc::detail {

/// A growable byte buffer whose new bytes are left uninitialised: the chunk reader reads or
/// inflates straight into them, and zero-filling 4 MiB per chunk first is wasted work.
class ByteBuffer {
public:
    [[nodiscard]] size_t size() const { return size_; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] std::string_view view() const { return {data_.get(), size_}; }

    /// Makes `n` more bytes writable after the current end and returns them; size() grows by
    /// `n`, and shrink_to() gives back what was not written.
    [[nodiscard]] char* extend(size_t n) {
        if (size_ + n > capacity_) {
            const size_t capacity = std::max(size_ + n, capacity_ * 2);
            auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
            std::copy_n(data_.get(), size_, bigger.get());
            data_ = std::move(bigger);
            capacity_ = capacity;
        }
        char* out = data_.get() + size_;
        size_ += n;
        return out;
    }
    void shrink_to(size_t n) { size_ = std::min(size_, n); }
    void append(const char* bytes, size_t n) { std::copy_n(bytes, n, extend(n)); }

private:
    std::unique_ptr<char[]> data_;
    size_t size_ = 0;
    size_t capacity_ = 0;
};

} // namespace casefile::ioc::detail
