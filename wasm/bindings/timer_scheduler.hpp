// casview: Scheduler over the browser's timers (emscripten_set_timeout → setTimeout).
#pragma once

#include <functional>
#include <memory>

#include "id_map.hpp"
#include "transport.hpp"

namespace casview {

class TimerScheduler final : public Scheduler {
public:
    TimerScheduler();
    TimerScheduler(const TimerScheduler&) = delete;
    TimerScheduler& operator=(const TimerScheduler&) = delete;
    ~TimerScheduler() override;

    Handle after(int64_t delayMs, std::function<void()> fn) override;
    void cancel(Handle handle) override;

    struct Timer;

    /// Runs and forgets a timer that fired (called from the timer callback).
    void fire(Handle handle);

private:
    IdMap<Handle, std::unique_ptr<Timer>> timers_;
    Handle nextHandle_ = 1;
};

}  // namespace casview
