#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace casefile {

/// CPUs this process may run on (its affinity mask, which `taskset` and container cpusets set),
/// at least 1: the default number of worker threads.
[[nodiscard]] unsigned available_cpus();

/// Runs numbered tasks on the calling thread and `threads - 1` helper threads, and hands their
/// completions to the caller in task order, so a result assembled in done() never depends on the
/// number of threads. The caller runs tasks itself while the next completion is not ready; with
/// one thread no helper exists and each task's done() follows it directly, while its output is
/// still in cache. Tasks should take well over a microsecond: one is handed out at a time.
class OrderedPool {
public:
    explicit OrderedPool(unsigned threads);
    OrderedPool(const OrderedPool&) = delete;
    OrderedPool& operator=(const OrderedPool&) = delete;
    ~OrderedPool();

    [[nodiscard]] unsigned threads() const { return threads_; }

    /// Calls work(k, thread) once for each k in [0, count) — `thread` in [0, threads()) names
    /// the thread running it, 0 being the caller — and done(k) on the calling thread for
    /// k = 0, 1, ... in order, each once work(k) has returned. At most `window` tasks are run
    /// ahead of the last done(), which bounds the memory their outputs hold. Returns when all
    /// are done and no helper touches the tasks any more. What a work() threw is rethrown when
    /// its turn comes, instead of its done(): no later done() is called, and no further task
    /// starts.
    void run(size_t count, size_t window, const std::function<void(size_t, unsigned)>& work,
             const std::function<void(size_t)>& done);

private:
    /// Takes the next task if the window allows it: its number, or `count_` when none is left,
    /// or `kWait` when the window is full.
    size_t claim();
    void perform(size_t k, unsigned thread);
    void help(unsigned thread);
    void wait_idle(std::unique_lock<std::mutex>& lock);

    static constexpr size_t kWait = ~size_t{0};

    unsigned threads_;
    // The current run; written only while no helper is busy.
    size_t count_ = 0;
    size_t window_ = 0;
    const std::function<void(size_t, unsigned)>* work_ = nullptr;
    std::vector<std::exception_ptr> errors_;
    std::unique_ptr<std::atomic<unsigned char>[]> finished_;
    size_t finished_size_ = 0;
    std::atomic<size_t> next_{0}; ///< next task to claim
    std::atomic<size_t> done_{0}; ///< tasks done() so far; helpers wait on it at a full window

    std::mutex mutex_;
    std::condition_variable wake_; ///< a new run, or stop
    std::condition_variable idle_; ///< busy_ fell to zero
    unsigned long generation_ = 0; ///< runs started
    unsigned busy_ = 0;            ///< helpers taking part in the current run
    bool stop_ = false;
    std::vector<std::jthread> helpers_;
};

} // namespace casefile
