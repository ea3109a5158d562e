// Test data lives in files under tests/ (CASVIEW_TEST_DATA_DIR); a missing file fails loudly
// instead of turning into an empty, passing loop.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace casview::test {

inline std::string readTestFile(const std::string& relativePath) {
    const std::string path = std::string(CASVIEW_TEST_DATA_DIR) + "/" + relativePath;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("test data missing: " + path);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

inline nlohmann::json readTestJson(const std::string& relativePath) {
    return nlohmann::json::parse(readTestFile(relativePath));
}

}  // namespace casview::test
