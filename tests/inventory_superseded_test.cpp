// The superseded flags (inventory_superseded.cpp) against the definition in inventory.hpp,
// checked pair by pair on random inventories: many certificates sharing few names (renewals,
// wildcards, multi-SAN sets), open and missing dates, clocks before, inside and after them.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "civil_time.hpp"
#include "domain_match.hpp"
#include "inventory.hpp"
#include "row_builder.hpp"

using namespace casview;
using casview::test::certificate;
using casview::test::order;

namespace {

// The header's definition, pair by pair: a certificate is superseded when one certificate
// valid now, newer (later not-after; on a tie a later not-before), covers each of its names
// (the name itself or the wildcard that covers it).
std::vector<bool> supersededByDefinition(const Inventory& inv) {
    const size_t n = inv.size();
    const int64_t now = inv.nowMs();
    const auto notBefore = [&](size_t i) { return inv.notBeforeMs(i).value_or(INT64_MIN); };
    const auto candidate = [&](size_t i) {
        return inv.kind(i) == EntryKind::Certificate && inv.sanCount(i) > 0 && inv.notAfterMs(i).has_value();
    };
    std::vector<bool> out(n, false);
    for (size_t a = 0; a < n; ++a) {
        if (!candidate(a)) continue;
        const std::vector<std::string_view> names = inv.sans(a);
        for (size_t b = 0; b < n && !out[a]; ++b) {
            if (!candidate(b)) continue;
            const int64_t end = *inv.notAfterMs(b);
            if (now > end || (inv.notBeforeMs(b) && *inv.notBeforeMs(b) > now)) continue;  // not valid now
            const bool newer = end > *inv.notAfterMs(a) || (end == *inv.notAfterMs(a) && notBefore(b) > notBefore(a));
            if (!newer) continue;
            const std::vector<std::string_view> has = inv.sans(b);
            const auto holds = [&](std::string_view name) {
                for (const std::string_view h : has) {
                    if (h == name) return true;
                }
                return false;
            };
            bool covers = true;
            for (const std::string_view x : names) {
                const std::string wildcard = coveringWildcard(x);
                if (!holds(x) && (wildcard.empty() || !holds(wildcard))) covers = false;
            }
            out[a] = covers;
        }
    }
    return out;
}

std::string date(int64_t day) {
    const CivilDate d = civilFromDays(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

}  // namespace

TEST_CASE("superseded flags equal the definition on random inventories", "[inventory][superseded]") {
    const char* bases[] = {"example.com", "example.org", "a.example.com", "xn--bcher-kva.example"};
    const char* subs[] = {"", "www.", "api.", "*.", "x.", "*.b."};
    constexpr int64_t kDay0 = 19800;  // 2024-03-18
    size_t supersededSeen = 0, checked = 0;
    for (uint32_t seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        const auto pick = [&](size_t k) { return static_cast<size_t>(rng() % k); };
        Inventory inventory(kDay0 * kMsPerDay);
        const size_t count = 20 + pick(180);
        for (size_t i = 0; i < count; ++i) {
            std::string sans;
            for (size_t k = 1 + pick(pick(4) == 0 ? 5 : 2); k > 0; --k) {
                if (!sans.empty()) sans += ',';
                sans += std::string(subs[pick(6)]) + bases[pick(seed % 3 == 0 ? 2 : 4)];
            }
            const int64_t end = kDay0 - 40 + static_cast<int64_t>(pick(120));
            const std::string start = pick(10) == 0 ? "" : date(end - 1 - static_cast<int64_t>(pick(seed % 2 ? 3 : 120)));
            const std::string endDate = pick(25) == 0 ? "" : date(end);
            if (pick(12) == 0) {
                inventory.addRow(order(static_cast<int64_t>(5000 + i), sans, "ISSUED"), {"CPACK", ""});
            } else {
                inventory.addRow(certificate(static_cast<int64_t>(1000 + i), sans, start, endDate), {"CERT", ""});
            }
        }
        for (const int64_t day : {kDay0 - 60, kDay0 - 10, kDay0, kDay0 + 30, kDay0 + 100}) {
            inventory.setNow(day * kMsPerDay + static_cast<int64_t>(pick(86400000)));
            const std::vector<bool> expected = supersededByDefinition(inventory);
            size_t mismatches = 0, superseded = 0;
            for (size_t i = 0; i < inventory.size(); ++i) {
                mismatches += inventory.superseded(i) != expected[i];
                superseded += expected[i];
            }
            INFO("seed " << seed << ", day " << day << ", " << inventory.size() << " entries, " << superseded << " superseded");
            CHECK(mismatches == 0);
            supersededSeen += superseded;
            checked += inventory.size();
        }
    }
    // Not a vacuous test: a fair share of the entries are superseded, and not all of them.
    CHECK(supersededSeen > checked / 10);
    CHECK(supersededSeen < checked / 2);
}
