// casview: createClient / listUserCertificateOrder / listAll / abort exports
// (web/casview/client.js). Results arrive later through boundary::notify.
#include <emscripten/emscripten.h>

#include <memory>
#include <string>

#include "boundary.hpp"
#include "cas_client.hpp"
#include "entry_json.hpp"
#include "fetch_transport.hpp"
#include "id_map.hpp"
#include "inventory_registry.hpp"
#include "json_writer.hpp"
#include "timer_scheduler.hpp"

using namespace casview;

namespace {

// What every client shares in the page: one network, one timer queue, the wall clock and
// crypto.getRandomValues (through getentropy).
struct Runtime {
    FetchTransport transport;
    TimerScheduler scheduler;
    SystemClock clock;
    SystemRandom random;
};

Runtime& runtime() {
    static Runtime instance;
    return instance;
}

IdMap<uint32_t, std::unique_ptr<CasClient>> g_clients;
uint32_t g_nextClient = 1;

CasClient* findClient(uint32_t id) {
    const auto found = g_clients.find(id);
    return found == g_clients.end() ? nullptr : found->second.get();
}

CasError malformed(const char* what) {
    return invalidParameter("options", std::string("malformed ") + what + " request");
}

std::optional<std::string> optionalText(std::string_view field) {
    if (field.empty()) return std::nullopt;
    return std::string(field);
}

std::string progressJson(const ListProgress& p) {
    std::string out = "{\"pagesDone\":";
    appendJsonInteger(out, p.pagesDone);
    out += ",\"pagesTotal\":";
    appendJsonInteger(out, p.pagesTotal);
    out += ",\"entriesLoaded\":";
    appendJsonInteger(out, p.entriesLoaded);
    out += ",\"totalCount\":";
    appendJsonInteger(out, p.totalCount);
    out.push_back('}');
    return out;
}

std::string retryJson(const RetryNotice& notice) {
    std::string out = "{\"code\":";
    appendJsonString(out, notice.code);
    out += ",\"attempt\":";
    appendJsonInteger(out, notice.attempt);
    out += ",\"delayMs\":";
    appendJsonInteger(out, notice.delayMs);
    out.push_back('}');
    return out;
}

// Reads OrderType, Status, Keyword, CurrentPage, ShowSize, ResourceGroupId ("" = not given).
std::optional<ListUserCertificateOrderRequest> readPageRequest(boundary::Request& request) {
    ListUserCertificateOrderRequest r;
    const auto orderType = request.next(), status = request.next(), keyword = request.next(),
               page = request.next(), size = request.next(), group = request.next();
    if (!group) return std::nullopt;
    r.orderType = optionalText(*orderType);
    r.status = optionalText(*status);
    r.keyword = optionalText(*keyword);
    r.resourceGroupId = optionalText(*group);
    if (!page->empty() && !(r.currentPage = boundary::parseInteger(*page))) return std::nullopt;
    if (!size->empty() && !(r.showSize = boundary::parseInteger(*size))) return std::nullopt;
    return r;
}

}  // namespace

extern "C" {

/// Request: accessKeyId, accessKeySecret, securityToken, endpoint, proxy, method, timeoutMs,
/// maxRetries, requestsPerSecond. Returns the client id, or 0 with the error as the answer.
EMSCRIPTEN_KEEPALIVE uint32_t casview_client_create(size_t size) {
    boundary::Request request(size);
    std::string_view fields[9];
    for (auto& field : fields) {
        const auto next = request.next();
        if (!next) return boundary::answerError(malformed("createClient")), 0;
        field = *next;
    }
    ClientConfig config;
    config.credentials = {std::string(fields[0]), std::string(fields[1]), std::string(fields[2])};
    config.endpoint = std::string(fields[3]);
    config.proxy = std::string(fields[4]);
    const auto method = parseMethod(fields[5]);
    if (!method) return boundary::answerError(method.error()), 0;
    config.method = method.value();
    const auto timeoutMs = boundary::parseInteger(fields[6]);
    const auto maxRetries = boundary::parseInteger(fields[7]);
    const auto rps = boundary::parseInteger(fields[8]);
    if (!timeoutMs || !maxRetries || !rps) return boundary::answerError(malformed("createClient")), 0;
    config.timeoutMs = *timeoutMs;
    config.maxRetries = static_cast<int>(*maxRetries);
    config.requestsPerSecond = static_cast<int>(*rps);
    if (*maxRetries != config.maxRetries || *rps != config.requestsPerSecond) {
        return boundary::answerError(malformed("createClient")), 0;
    }

    const uint32_t id = g_nextClient++;
    Runtime& rt = runtime();
    ClientServices services{rt.transport, rt.scheduler, rt.clock, rt.random, nullptr,
                            [id](const RetryNotice& notice) {
                                boundary::notify(id, notice.operation, boundary::Notice::Retry,
                                                 retryJson(notice));
                            }};
    auto created = CasClient::create(std::move(config), services);
    if (!created) return boundary::answerError(created.error()), 0;
    g_clients.emplace(id, std::move(created).value());
    return id;
}

/// Forgets a client; its pending operations end without a callback (JS cancels them first).
EMSCRIPTEN_KEEPALIVE void casview_client_destroy(uint32_t client) { g_clients.erase(client); }

/// Request: OrderType, Status, Keyword, CurrentPage, ShowSize, ResourceGroupId.
/// Returns the operation id (its page or error is notified later), or 0 with an error answer.
EMSCRIPTEN_KEEPALIVE double casview_list_page(uint32_t clientId, size_t size) {
    CasClient* client = findClient(clientId);
    if (client == nullptr) return boundary::answerError(malformed("unknown client")), 0;
    boundary::Request request(size);
    const auto query = readPageRequest(request);
    if (!query) return boundary::answerError(malformed("listUserCertificateOrder")), 0;
    // The client never calls back before returning the id (CasClient's contract), so the
    // callback reads it from here.
    auto operation = std::make_shared<uint64_t>(0);
    *operation = client->listUserCertificateOrder(
        *query, [clientId, operation](Outcome<ListPage> outcome) {
            if (!outcome) {
                boundary::notify(clientId, *operation, boundary::Notice::Error,
                                 boundary::errorFields(outcome.error()));
                return;
            }
            std::string json;
            appendPageJson(json, outcome.value());
            boundary::notify(clientId, *operation, boundary::Notice::Page, json);
        });
    return static_cast<double>(*operation);
}

/// Request: OrderType, Statuses (comma-separated), Keyword, ShowSize, ResourceGroupId,
/// inventory id (0: none), site, entries ("1": resolve with the entries, "0": with none).
/// With an inventory, each page's rows go into it as the page arrives (before its progress
/// notice), so the page can show them while the listing runs. Progress, retries and the result
/// are notified later.
EMSCRIPTEN_KEEPALIVE double casview_list_all(uint32_t clientId, size_t size) {
    CasClient* client = findClient(clientId);
    if (client == nullptr) return boundary::answerError(malformed("unknown client")), 0;
    boundary::Request request(size);
    const auto orderType = request.next(), statuses = request.next(), keyword = request.next(),
               showSize = request.next(), group = request.next(), inventory = request.next(),
               site = request.next(), entries = request.next();
    if (!entries || (*entries != "0" && *entries != "1")) return boundary::answerError(malformed("listAll")), 0;
    ListAllQuery query;
    query.orderType = optionalText(*orderType);
    query.keyword = optionalText(*keyword);
    query.resourceGroupId = optionalText(*group);
    for (std::string_view rest = *statuses; !rest.empty();) {
        const size_t comma = rest.find(',');
        query.statuses.emplace_back(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    const auto inventoryId = boundary::parseInteger(*inventory);
    if (!inventoryId || (!showSize->empty() && !(query.showSize = boundary::parseInteger(*showSize)))) {
        return boundary::answerError(malformed("listAll")), 0;
    }
    ListAllDelivery delivery;
    delivery.keepEntries = *entries == "1";
    if (*inventoryId != 0) {
        delivery.rowRecords = true;
        delivery.onPageRows = [inventoryId = static_cast<uint32_t>(*inventoryId),
                               listedType = query.orderType.value_or(kDefaultOrderType),
                               siteName = std::string(*site)](std::vector<ListRow> rows) {
            addListedRows(inventoryId, std::move(rows), listedType, siteName);
        };
    }
    auto operation = std::make_shared<uint64_t>(0);
    *operation = client->listAll(
        query,
        [clientId, operation](const ListProgress& progress) {
            boundary::notify(clientId, *operation, boundary::Notice::Progress, progressJson(progress));
        },
        [clientId, operation](Outcome<ListAllResult> outcome) {
            if (!outcome) {
                boundary::notify(clientId, *operation, boundary::Notice::Error,
                                 boundary::errorFields(outcome.error()));
                return;
            }
            const std::vector<ListRow>& entries = outcome.value().entries;
            std::string json = "[";
            for (size_t i = 0; i < entries.size(); ++i) {
                if (i > 0) json.push_back(',');
                appendEntryJson(json, entries[i]);
            }
            json.push_back(']');
            boundary::notify(clientId, *operation, boundary::Notice::List, json);
        },
        std::move(delivery));
    return static_cast<double>(*operation);
}

/// Aborts an operation: its Error notice (code Aborted) is sent during this call.
EMSCRIPTEN_KEEPALIVE int casview_cancel(uint32_t clientId, double operation) {
    CasClient* client = findClient(clientId);
    return client != nullptr && client->cancel(static_cast<uint64_t>(operation)) ? 1 : 0;
}

}  // extern "C"
