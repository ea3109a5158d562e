#include "list_request.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "civil_time.hpp"

namespace casview {
namespace {

constexpr std::array<std::string_view, 4> kOrderTypes = {"CPACK", "BUY", "UPLOAD", "CERT"};
// Statuses that exist only for orders (CPACK/BUY); the rest apply to every OrderType.
constexpr std::array<std::string_view, 5> kOrderOnlyStatuses = {"PAYED", "CHECKING",
                                                                "CHECKED_FAIL", "NOTACTIVATED",
                                                                "REVOKED"};
constexpr std::array<std::string_view, 3> kCertificateStatuses = {"ISSUED", "WILLEXPIRED",
                                                                  "EXPIRED"};
constexpr int64_t kMaxShowSize = 100;

template <size_t N>
bool contains(const std::array<std::string_view, N>& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool given(const std::optional<std::string>& value) { return value && !value->empty(); }

}  // namespace

bool isOrderOrderType(const std::string& orderType) {
    return orderType == "CPACK" || orderType == "BUY";
}

std::optional<CasError> validate(const ListUserCertificateOrderRequest& request) {
    if (given(request.orderType) && !contains(kOrderTypes, *request.orderType)) {
        return invalidParameter("OrderType", "OrderType must be one of CPACK, BUY, UPLOAD, CERT; "
                                             "got \"" + *request.orderType + "\"");
    }
    const std::string orderType = given(request.orderType) ? *request.orderType
                                                           : kDefaultOrderType;
    if (given(request.status)) {
        const std::string& status = *request.status;
        const bool orderOnly = contains(kOrderOnlyStatuses, status);
        if (!orderOnly && !contains(kCertificateStatuses, status)) {
            return invalidParameter("Status",
                                    "Status must be one of PAYED, CHECKING, CHECKED_FAIL, "
                                    "NOTACTIVATED, REVOKED, ISSUED, WILLEXPIRED, EXPIRED; got \"" +
                                        status + "\"");
        }
        if (orderOnly && !isOrderOrderType(orderType)) {
            return invalidParameter("Status", "Status " + status +
                                                  " applies only to orders (OrderType CPACK or "
                                                  "BUY), not to OrderType " + orderType);
        }
    }
    if (request.currentPage && *request.currentPage < 1) {
        return invalidParameter("CurrentPage", "CurrentPage must be 1 or more; got " +
                                                   std::to_string(*request.currentPage));
    }
    if (request.showSize && (*request.showSize < 1 || *request.showSize > kMaxShowSize)) {
        return invalidParameter("ShowSize", "ShowSize must be between 1 and 100; got " +
                                                std::to_string(*request.showSize));
    }
    return std::nullopt;
}

std::optional<CasError> validate(const Credentials& credentials) {
    if (credentials.accessKeyId.empty()) {
        return invalidParameter("accessKeyId", "an AccessKey ID is required");
    }
    if (credentials.accessKeySecret.empty()) {
        return invalidParameter("accessKeySecret", "an AccessKey secret is required");
    }
    return std::nullopt;
}

Outcome<RpcParams> operationParams(const ListUserCertificateOrderRequest& request) {
    if (auto error = validate(request)) return *error;
    RpcParams params;
    if (given(request.orderType)) params["OrderType"] = *request.orderType;
    if (given(request.status)) params["Status"] = *request.status;
    if (given(request.keyword)) params["Keyword"] = *request.keyword;
    if (request.currentPage) params["CurrentPage"] = std::to_string(*request.currentPage);
    if (request.showSize) params["ShowSize"] = std::to_string(*request.showSize);
    if (given(request.resourceGroupId)) params["ResourceGroupId"] = *request.resourceGroupId;
    return params;
}

Outcome<SignedRequest> signListUserCertificateOrder(const ListUserCertificateOrderRequest& request,
                                                    const Credentials& credentials,
                                                    HttpMethod method, const Attempt& attempt) {
    if (auto error = validate(credentials)) return *error;
    auto operation = operationParams(request);
    if (!operation) return operation.error();
    if (attempt.nonce.empty()) return invalidParameter("SignatureNonce", "a nonce is required");

    RpcParams params = std::move(operation).value();
    params["Action"] = kAction;
    params["Version"] = kApiVersion;
    params["Format"] = "JSON";
    params["AccessKeyId"] = credentials.accessKeyId;
    params["SignatureMethod"] = "HMAC-SHA1";
    params["SignatureVersion"] = "1.0";
    params["SignatureNonce"] = attempt.nonce;
    params["Timestamp"] = formatTimestamp(attempt.timestampMs);
    if (!credentials.securityToken.empty()) params["SecurityToken"] = credentials.securityToken;

    auto signature = signRpc(method, params, credentials.accessKeySecret);
    if (!signature) return signature.error();
    params["Signature"] = signature.value().signature;
    return SignedRequest{method, std::move(params), std::move(signature).value()};
}

}  // namespace casview
