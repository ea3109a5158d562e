// casview: the ListUserCertificateOrder request (CAS API 2020-04-07), validated and signed.
//
// Parameters and rules: docs/alibaba-api.md §3.3 and docs/js-api.md (input rules).
// Bad input is refused here, before anything is signed or sent, with an InvalidParameter
// error that names the parameter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "outcome.hpp"
#include "rpc_signer.hpp"

namespace casview {

inline constexpr const char* kAction = "ListUserCertificateOrder";
inline constexpr const char* kApiVersion = "2020-04-07";

struct Credentials {
    std::string accessKeyId;
    std::string accessKeySecret;
    std::string securityToken;  // STS; sent (and signed) only when not empty
};

/// The six operation parameters. An absent or empty string means "not given" (the service
/// treats an empty Status like an absent one), so it is not sent.
struct ListUserCertificateOrderRequest {
    std::optional<std::string> orderType;  // CPACK (service default), BUY, UPLOAD, CERT
    std::optional<std::string> status;
    std::optional<std::string> keyword;
    std::optional<int64_t> currentPage;    // ≥ 1
    std::optional<int64_t> showSize;       // 1..100
    std::optional<std::string> resourceGroupId;
};

/// The OrderType the service applies when none is given.
inline constexpr const char* kDefaultOrderType = "CPACK";

/// True for CPACK and BUY (rows are orders); false for CERT and UPLOAD (rows are certificates).
bool isOrderOrderType(const std::string& orderType);

/// Checks every operation parameter; nullopt when the request may be sent.
std::optional<CasError> validate(const ListUserCertificateOrderRequest& request);

/// Checks the credentials a request is signed with.
std::optional<CasError> validate(const Credentials& credentials);

/// The validated operation parameters as the API names them.
Outcome<RpcParams> operationParams(const ListUserCertificateOrderRequest& request);

/// What varies per attempt: every attempt (retries included) gets a fresh nonce and time.
struct Attempt {
    int64_t timestampMs;
    std::string nonce;
};

struct SignedRequest {
    HttpMethod method;
    RpcParams params;     // everything sent, Signature included
    RpcSignature signature;
};

/// Common parameters (Action, Version, Format=JSON, AccessKeyId, SignatureMethod,
/// SignatureVersion, SignatureNonce, Timestamp, SecurityToken when given) plus the operation
/// parameters, signed for `method`.
Outcome<SignedRequest> signListUserCertificateOrder(const ListUserCertificateOrderRequest& request,
                                                    const Credentials& credentials,
                                                    HttpMethod method, const Attempt& attempt);

}  // namespace casview
