#include "core/ordered_pool.hpp"

#include <algorithm>

#include <sched.h>

namespace casefile {

unsigned available_cpus() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        return std::max(1, CPU_COUNT(&set));
    }
    return std::max(1U, std::thread::hardware_concurrency());
}

OrderedPool::OrderedPool(unsigned threads) : threads_(std::max(threads, 1U)) {
    for (unsigned t = 1; t < threads_; ++t) {
        helpers_.emplace_back([this, t] { help(t); });
    }
}

OrderedPool::~OrderedPool() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    helpers_.clear(); // joins
}

void OrderedPool::wait_idle(std::unique_lock<std::mutex>& lock) {
    idle_.wait(lock, [this] { return busy_ == 0; });
}

size_t OrderedPool::claim() {
    size_t k = next_.load(std::memory_order_relaxed);
    while (true) {
        if (k >= count_) {
            return count_;
        }
        if (k >= done_.load(std::memory_order_acquire) + window_) {
            return kWait;
        }
        if (next_.compare_exchange_weak(k, k + 1, std::memory_order_relaxed)) {
            return k;
        }
    }
}

void OrderedPool::perform(size_t k, unsigned thread) {
    try {
        (*work_)(k, thread);
    } catch (...) {
        errors_[k] = std::current_exception();
    }
    finished_[k].store(1, std::memory_order_release);
    finished_[k].notify_one();
}

void OrderedPool::run(size_t count, size_t window,
                      const std::function<void(size_t, unsigned)>& work,
                      const std::function<void(size_t)>& done) {
    if (count == 0) {
        return;
    }
    {
        std::unique_lock lock(mutex_);
        // A helper that woke late for the last run may still be finding nothing to claim in it.
        wait_idle(lock);
        count_ = count;
        window_ = std::max<size_t>(window, 1);
        work_ = &work;
        errors_.assign(count, nullptr);
        if (finished_size_ < count) {
            finished_ = std::make_unique<std::atomic<unsigned char>[]>(count);
            finished_size_ = count;
        }
        for (size_t k = 0; k < count; ++k) {
            finished_[k].store(0, std::memory_order_relaxed);
        }
        next_.store(0, std::memory_order_relaxed);
        done_.store(0, std::memory_order_relaxed);
        ++generation_;
    }
    if (!helpers_.empty() && count > 1) {
        wake_.notify_all();
    }
    // However run() is left: no more claims, wake helpers waiting for the window, wait for them.
    struct Finish {
        OrderedPool& pool;
        ~Finish() {
            pool.next_.store(pool.count_, std::memory_order_relaxed);
            pool.done_.fetch_add(1, std::memory_order_release);
            pool.done_.notify_all();
            std::unique_lock lock(pool.mutex_);
            pool.wait_idle(lock);
        }
    } finish{*this};

    for (size_t next_done = 0; next_done < count;) {
        if (finished_[next_done].load(std::memory_order_acquire) == 0) {
            const size_t k = claim();
            if (k < count) {
                perform(k, 0);
            } else {
                finished_[next_done].wait(0, std::memory_order_acquire);
            }
            continue;
        }
        if (errors_[next_done]) {
            std::rethrow_exception(errors_[next_done]);
        }
        done(next_done);
        ++next_done;
        done_.store(next_done, std::memory_order_release);
        done_.notify_all();
    }
}

void OrderedPool::help(unsigned thread) {
    unsigned long seen = 0;
    while (true) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
            if (stop_) {
                return;
            }
            seen = generation_;
            ++busy_;
        }
        while (true) {
            const size_t k = claim();
            if (k == kWait) {
                // The window is full until the caller's next done(): read done_ first, so a
                // change after this check ends the wait at once.
                const size_t d = done_.load(std::memory_order_acquire);
                const size_t n = next_.load(std::memory_order_relaxed);
                if (n < count_ && n >= d + window_) {
                    done_.wait(d, std::memory_order_acquire);
                }
                continue;
            }
            if (k >= count_) {
                break;
            }
            perform(k, thread);
        }
        {
            std::lock_guard lock(mutex_);
            --busy_;
        }
        idle_.notify_all();
    }
}

} // namespace casefile
