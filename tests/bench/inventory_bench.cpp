// Native benchmark (not a test): parse a 100-row page, build an inventory of 100,000 rows,
// query it the way the page does on every keystroke. Prints one table.
//
//   cmake --preset native-release && cmake --build --preset native-release
//   ./build/native-release/tests/bench/inventory_bench [rows]
//
// Budgets (docs/performance.md): parsing ≤ 2× JSON.parse (in WASM; see scripts/bench),
// filtering 100,000 rows ≤ 16 ms p95 to paint.
#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "civil_time.hpp"
#include "inventory.hpp"
#include "inventory_query.hpp"
#include "response_parser.hpp"

using namespace casview;
using Clock = std::chrono::steady_clock;

namespace {

std::string readFixture(const std::string& name) {
    std::ifstream in(std::string(CASVIEW_FIXTURES_DIR) + "/" + name, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "missing fixture %s\n", name.c_str());
        std::exit(1);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Stats {
    double p50, p95, mean;
};

Stats measure(size_t runs, const std::function<void(size_t)>& body) {
    std::vector<double> times;
    times.reserve(runs);
    for (size_t i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        body(i);
        times.push_back(msSince(start));
    }
    double sum = 0;
    for (const double t : times) sum += t;
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times[std::min(times.size() - 1, times.size() * 95 / 100)], sum / static_cast<double>(runs)};
}

// A deterministic account: 60 % certificates (1 in 6 wildcard, 1 in 3 uploaded, renewals of
// earlier names), 40 % orders, over 5,000 base domains.
class Generator {
public:
    std::string page(size_t pageIndex, size_t rows, bool orders) {
        std::string out = "{\"RequestId\":\"BENCH-" + std::to_string(pageIndex) +
                          "\",\"TotalCount\":100000,\"CurrentPage\":" + std::to_string(pageIndex + 1) +
                          ",\"ShowSize\":" + std::to_string(rows) + ",\"CertificateOrderList\":[";
        for (size_t r = 0; r < rows; ++r) {
            if (r > 0) out += ',';
            if (orders) appendOrder(out);
            else appendCertificate(out);
        }
        return out + "]}";
    }

private:
    uint64_t next() {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 7;
        state_ ^= state_ << 17;
        return state_;
    }
    size_t pick(size_t n) { return static_cast<size_t>(next() % n); }
    std::string hex(size_t n) {
        static const char* digits = "0123456789ABCDEF";
        std::string s;
        for (size_t i = 0; i < n; ++i) s += digits[pick(16)];
        return s;
    }
    std::string base() { return "site" + std::to_string(pick(5000)) + ".example.com"; }
    static std::string date(int64_t day) {
        const CivilDate d = civilFromDays(day);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
        return buf;
    }
    void appendCertificate(std::string& out) {
        static const char* subs[] = {"www", "api", "mail", "cdn", "static", "pay", "m", "admin", "dev", "staging", "auth", "img"};
        static const char* issuers[] = {"DigiCert Global G2 TLS RSA SHA256 2020 CA1", "GeoTrust CN RSA CA G1",
                                        "GlobalSign GCC R3 DV TLS CA 2020", "WoTrus DV Server CA", "R11", "E5"};
        const size_t id = ++certificates_;
        const std::string b = base();
        const std::string cn = id % 6 == 0 ? "*." + b : std::string(subs[pick(12)]) + "." + b;
        const std::string sans = id % 6 == 0 ? cn + "," + b : id % 3 == 0 ? cn + "," + subs[pick(12)] + "." + b : cn;
        const int64_t end = 19800 + static_cast<int64_t>(pick(1100)) - 400;  // 2024-03 ± ~2 years
        const int64_t start = end - (pick(2) ? 365 : 90);
        const int64_t certificateId = id % 7 == 3 ? 9007199254740993LL + static_cast<int64_t>(id) : 10000000 + static_cast<int64_t>(id);
        out += "{\"CertificateId\":" + std::to_string(certificateId) + ",\"Name\":\"cert-" + hex(6) +
               "\",\"CommonName\":\"" + cn + "\",\"Fingerprint\":\"" + hex(40) + "\",\"Sha2\":\"" + hex(64) +
               "\",\"SerialNo\":\"" + hex(32) + "\",\"Issuer\":\"" + issuers[pick(6)] +
               "\",\"OrgName\":\"\",\"Province\":\"\",\"City\":\"\",\"Country\":\"\",\"Sans\":\"" + sans +
               "\",\"Expired\":false,\"Upload\":" + (id % 3 == 1 ? "true" : "false") + ",\"StartDate\":\"" +
               date(start) + "\",\"EndDate\":\"" + date(end) + "\",\"ResourceGroupId\":\"rg-acfm" +
               std::to_string(pick(4)) + "\",\"InstanceId\":\"cas-cn-" + hex(10) + "\"}";
    }
    void appendOrder(std::string& out) {
        static const char* statuses[] = {"PAYED", "CHECKING", "CHECKED_FAIL", "NOTACTIVATED", "ISSUED", "WILLEXPIRED", "EXPIRED", "REVOKED"};
        const size_t id = ++orders_;
        const std::string status = statuses[id % 8];
        const int64_t endMs = (19800 + static_cast<int64_t>(pick(700)) - 300) * 86400000LL + static_cast<int64_t>(pick(86400000));
        out += "{\"Algorithm\":\"RSA\",\"AliyunOrderId\":" + std::to_string(21000000000000 + id * 1000003) +
               ",\"BuyDate\":" + std::to_string(endMs - 400 * 86400000LL);
        if (id % 8 >= 4) {
            out += ",\"CertEndTime\":" + std::to_string(endMs) + ",\"CertStartTime\":" + std::to_string(endMs - 365 * 86400000LL);
        }
        out += ",\"CertType\":\"DV\",\"Domain\":\"" + (id % 5 == 0 ? "*." + base() : "www." + base()) +
               "\",\"DomainCount\":1,\"DomainType\":\"ONE\",\"OrderId\":" + std::to_string(98987582437000000LL + static_cast<int64_t>(id)) +
               ",\"PartnerOrderId\":\"\",\"ProductCode\":\"digicert-dv-one\",\"ProductName\":\"Digicert DV SSL\","
               "\"RootBrand\":\"Digicert\",\"SourceType\":\"" + (id % 2 ? "cpack" : "buy") + "\",\"Status\":\"" + status +
               "\",\"TrusteeStatus\":\"unTrustee\",\"WildDomainCount\":0,\"InstanceId\":\"cas-ivauto-" + hex(6) + "\"}";
    }

    uint64_t state_ = 0x9E3779B97F4A7C15ULL;
    size_t certificates_ = 0, orders_ = 0;
};

void row(const char* what, const Stats& s, const char* unit) {
    std::printf("| %-50s | %9.3f | %9.3f | %s\n", what, s.p50, s.p95, unit);
}

}  // namespace

int main(int argc, char** argv) {
    const size_t total = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
#ifdef __EMSCRIPTEN__
    const char* platform = "casview core, WebAssembly (this machine)";
#else
    const char* platform = "casview core, native (this machine)";
#endif
    std::printf("| %-50s | %9s | %9s |\n", platform, "p50", "p95");
    std::printf("|%s|%s|%s|\n", std::string(52, '-').c_str(), std::string(11, '-').c_str(), std::string(11, '-').c_str());

    // 1. Parse a 100-row page (the emulator's, 57 KB / 51 KB).
    for (const char* fixture : {"pages/certificates-100.json", "pages/orders-100.json"}) {
        const std::string body = readFixture(fixture);
        size_t rows = 0;
        for (int i = 0; i < 200; ++i) rows += parseListUserCertificateOrderResponse(200, body).value().rows.size();
        const Stats s = measure(3000, [&](size_t) { rows += parseListUserCertificateOrderResponse(200, body).value().rows.size(); });
        char label[96];
        std::snprintf(label, sizeof label, "parse 100-row page %s (%zu KB)", fixture + 6, body.size() / 1024);
        row(label, {s.p50 * 1000, s.p95 * 1000, s.mean * 1000}, "µs");
    }

    // 2. Build an inventory of `total` rows from 100-row pages (60 % certificates, 40 % orders).
    Generator generator;
    std::vector<std::string> bodies;
    for (size_t p = 0; p * 100 < total; ++p) bodies.push_back(generator.page(p, std::min<size_t>(100, total - p * 100), p % 5 >= 3));
    size_t bytes = 0;
    for (const std::string& b : bodies) bytes += b.size();
    std::vector<CertificateOrderPage> pages;
    auto start = Clock::now();
    for (const std::string& b : bodies) pages.push_back(parseListUserCertificateOrderResponse(200, b, RowRecords::Write).value());
    const double parseAll = msSince(start);
    const int64_t now = 19800LL * 86400000 + 12 * 3600000;  // 2024-03-18T12:00:00Z
    Inventory inventory(now);
    start = Clock::now();
    for (size_t p = 0; p < pages.size(); ++p) inventory.addPage(std::move(pages[p]), {p % 5 >= 3 ? "CPACK" : "CERT", ""});
    const double build = msSince(start);
    start = Clock::now();
    size_t superseded = 0;
    for (size_t i = 0; i < inventory.size(); ++i) superseded += inventory.superseded(i);
    const double supersededMs = msSince(start);
    char label[96];
    std::snprintf(label, sizeof label, "parse %zu pages (%zu rows, %.1f MB)", bodies.size(), total, static_cast<double>(bytes) / 1e6);
    row(label, {parseAll, parseAll, parseAll}, "ms (once)");
    std::snprintf(label, sizeof label, "build inventory of %zu rows", inventory.size());
    row(label, {build, build, build}, "ms (once)");
    std::snprintf(label, sizeof label, "superseded flags (%zu superseded)", superseded);
    row(label, {supersededMs, supersededMs, supersededMs}, "ms (once, lazily)");

    // 3. Queries, as the page runs them: first page of 100 rows, counts, default sort.
    InventoryQueryEngine engine(inventory);
    QueryResult result;
    InventoryQuery warm;
    start = Clock::now();
    engine.run(warm, result);
    const double first = msSince(start);
    row("first query (builds the default sort order)", {first, first, first}, "ms (once)");

    const std::vector<std::string> typed = {"a", "ap", "api", "api.", "api.s", "api.si", "api.sit", "api.site", "api.site1",
                                            "api.site12", "api.site123", "cert-a", "cert-ab", "r11", "digicert", "cas-cn-1",
                                            "zzzz", "9007199254", "ab:cd", "example.com www"};
    const Stats keystroke = measure(typed.size() * 20, [&](size_t i) {
        InventoryQuery q;
        q.limit = 100;
        q.text = typed[i % typed.size()];
        engine.run(q, result);
    });
    row("search keystroke (20 texts, limit 100)", keystroke, "ms");

    const Stats coverage = measure(200, [&](size_t i) {
        InventoryQuery q;
        q.limit = 100;
        q.coversHost = "api.site" + std::to_string(i * 37 % 5000) + ".example.com";
        engine.run(q, result);
    });
    row("coverage filter (\"api.siteN.example.com\")", coverage, "ms");

    const Stats filtered = measure(200, [&](size_t i) {
        InventoryQuery q;
        q.limit = 100;
        q.kind = EntryKind::Certificate;
        q.expiresWithinDays = static_cast<int64_t>(i % 60);
        q.hideSuperseded = true;
        q.withHistogram = true;
        engine.run(q, result);
    });
    row("filters + histogram (kind, days, superseded)", filtered, "ms");

    for (const SortKey key : {SortKey::Name, SortKey::Domain}) {
        InventoryQuery q;
        q.limit = 100;
        q.sortKey = key;
        start = Clock::now();
        engine.run(q, result);
        const double cold = msSince(start);
        std::snprintf(label, sizeof label, "sort by %s, first time (builds the order)", std::string(sortKeyName(key)).c_str());
        row(label, {cold, cold, cold}, "ms (once per key)");
    }
    const Stats sorted = measure(200, [&](size_t i) {
        InventoryQuery q;
        q.limit = 100;
        q.offset = (i * 100) % 5000;
        q.sortKey = i % 2 ? SortKey::Name : SortKey::Domain;
        q.descending = i % 4 >= 2;
        q.text = i % 3 ? "site" : "";
        engine.run(q, result);
    });
    row("sorted page (name/domain, asc/desc, offset)", sorted, "ms");
    return 0;
}
