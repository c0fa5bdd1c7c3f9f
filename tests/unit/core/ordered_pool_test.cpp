#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <sched.h>

#include "core/ordered_pool.hpp"

namespace casefile {
namespace {

// Uneven task lengths, so that helpers finish out of order.
void busy_for(size_t k) {
    std::this_thread::sleep_for(std::chrono::microseconds((k * 7919) % 300));
}

TEST(OrderedPool, DoneFollowsTaskOrderOnTheCallingThread) {
    OrderedPool pool(4);
    EXPECT_EQ(pool.threads(), 4u);
    constexpr size_t kTasks = 200;
    std::vector<int> ran(kTasks, 0);
    std::vector<size_t> done;
    std::mutex threads_mutex;
    std::vector<unsigned> threads_used;
    const auto caller = std::this_thread::get_id();
    pool.run(
        kTasks, 8,
        [&](size_t k, unsigned thread) {
            busy_for(k);
            ++ran[k];
            std::lock_guard lock(threads_mutex);
            threads_used.push_back(thread);
        },
        [&](size_t k) {
            EXPECT_EQ(std::this_thread::get_id(), caller);
            EXPECT_EQ(ran[k], 1) << "done() only after its task";
            done.push_back(k);
        });
    ASSERT_EQ(done.size(), kTasks);
    for (size_t k = 0; k < kTasks; ++k) {
        EXPECT_EQ(done[k], k);
        EXPECT_EQ(ran[k], 1) << "each task runs once";
    }
    for (unsigned t : threads_used) {
        EXPECT_LT(t, 4u);
    }
}

TEST(OrderedPool, NoTaskStartsBeyondTheWindow) {
    OrderedPool pool(3);
    constexpr size_t kWindow = 4;
    std::atomic<size_t> done_count{0};
    std::atomic<size_t> too_far{0};
    pool.run(
        100, kWindow,
        [&](size_t k, unsigned) {
            if (k >= done_count.load() + kWindow) {
                ++too_far;
            }
            busy_for(k);
        },
        [&](size_t k) { done_count.store(k + 1); });
    EXPECT_EQ(done_count.load(), 100u);
    EXPECT_EQ(too_far.load(), 0u);
}

TEST(OrderedPool, OneThreadRunsEachTaskThenItsDone) {
    OrderedPool pool(1);
    EXPECT_EQ(pool.threads(), 1u);
    std::vector<std::string> events;
    pool.run(
        3, 3,
        [&](size_t k, unsigned thread) {
            EXPECT_EQ(thread, 0u);
            events.push_back("work" + std::to_string(k));
        },
        [&](size_t k) { events.push_back("done" + std::to_string(k)); });
    EXPECT_EQ(events,
              (std::vector<std::string>{"work0", "done0", "work1", "done1", "work2", "done2"}));
}

TEST(OrderedPool, RethrowsATaskErrorInOrderAndStaysUsable) {
    OrderedPool pool(3);
    std::vector<size_t> done;
    EXPECT_THROW(pool.run(
                     50, 6,
                     [](size_t k, unsigned) {
                         busy_for(k);
                         if (k == 5) {
                             throw std::runtime_error("task 5");
                         }
                     },
                     [&](size_t k) { done.push_back(k); }),
                 std::runtime_error);
    EXPECT_EQ(done, (std::vector<size_t>{0, 1, 2, 3, 4})) << "done() stops at the failed task";

    // The next run, longer than the last, starts from a clean state.
    std::atomic<size_t> ran{0};
    size_t last = 0;
    pool.run(
        80, 80, [&](size_t, unsigned) { ++ran; }, [&](size_t k) { last = k; });
    EXPECT_EQ(ran.load(), 80u);
    EXPECT_EQ(last, 79u);
}

TEST(OrderedPool, AnErrorInDoneLeavesNoHelperRunning) {
    OrderedPool pool(2);
    EXPECT_THROW(pool.run(
                     20, 4, [](size_t k, unsigned) { busy_for(k); },
                     [](size_t k) {
                         if (k == 2) {
                             throw std::logic_error("done 2");
                         }
                     }),
                 std::logic_error);
    size_t count = 0;
    pool.run(
        5, 1, [](size_t, unsigned) {}, [&](size_t) { ++count; });
    EXPECT_EQ(count, 5u);
}

TEST(OrderedPool, EmptyAndSingleRuns) {
    OrderedPool pool(4);
    bool called = false;
    pool.run(
        0, 4, [&](size_t, unsigned) { called = true; }, [&](size_t) { called = true; });
    EXPECT_FALSE(called);
    size_t done = 0;
    pool.run(
        1, 0, [](size_t, unsigned) {}, [&](size_t) { ++done; });
    EXPECT_EQ(done, 1u) << "a window of 0 is taken as 1";
}

// The default thread count follows the affinity mask (taskset, cpusets), not the machine's size.
TEST(AvailableCpus, FollowsTheAffinityMask) {
    EXPECT_GE(available_cpus(), 1u);
    unsigned pinned = 0;
    std::thread t([&] {
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(sched_getcpu(), &one);
        ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
        pinned = available_cpus();
    });
    t.join();
    EXPECT_EQ(pinned, 1u);
}

TEST(OrderedPool, ZeroThreadsMeansOne) {
    OrderedPool pool(0);
    EXPECT_EQ(pool.threads(), 1u);
}

} // namespace
} // namespace casefile
