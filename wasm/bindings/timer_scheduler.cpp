#include "timer_scheduler.hpp"

#include <emscripten/eventloop.h>

namespace casview {

struct TimerScheduler::Timer {
    TimerScheduler* owner;
    Handle handle;
    long id;
    std::function<void()> fn;
};

namespace {
void onTimer(void* userData) {
    auto* timer = static_cast<TimerScheduler::Timer*>(userData);
    timer->owner->fire(timer->handle);
}
}  // namespace

TimerScheduler::TimerScheduler() = default;

TimerScheduler::~TimerScheduler() {
    for (auto& [handle, timer] : timers_) emscripten_clear_timeout(timer->id);
}

Scheduler::Handle TimerScheduler::after(int64_t delayMs, std::function<void()> fn) {
    const Handle handle = nextHandle_++;
    auto timer = std::make_unique<Timer>(Timer{this, handle, 0, std::move(fn)});
    // setTimeout never runs the callback before after() returns, even with 0 ms.
    timer->id = emscripten_set_timeout(onTimer, static_cast<double>(delayMs < 0 ? 0 : delayMs),
                                       timer.get());
    timers_.emplace(handle, std::move(timer));
    return handle;
}

void TimerScheduler::cancel(Handle handle) {
    const auto found = timers_.find(handle);
    if (found == timers_.end()) return;
    emscripten_clear_timeout(found->second->id);
    timers_.erase(found);
}

void TimerScheduler::fire(Handle handle) {
    const auto found = timers_.find(handle);
    if (found == timers_.end()) return;
    std::unique_ptr<Timer> timer = std::move(found->second);
    timers_.erase(found);
    timer->fn();
}

}  // namespace casview
