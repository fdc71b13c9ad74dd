#include "r2p/stored_passage.hpp"

#include <nlohmann/json.hpp>

#include "r2p/error.hpp"

namespace r2p {

// Short keys: the data of every passage is stored, so each byte counts a million times.
std::string encode_stored_passage(const StoredPassage& p) {
    nlohmann::json j = {{"i", p.id},        {"k", p.kind},      {"t", p.text},
                        {"th", p.themes},   {"r", p.roles},     {"p", p.parent},
                        {"s", p.section},   {"d", p.doc_id},    {"dt", p.doc_title},
                        {"dd", p.doc_date}, {"dp", p.doc_path}, {"l", p.line}};
    if (p.speaker) j["sp"] = *p.speaker;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredPassage decode_stored_passage(std::string_view data) {
    try {
        const nlohmann::json j = nlohmann::json::parse(data);
        StoredPassage p;
        p.id = j.at("i").get<std::string>();
        p.kind = j.at("k").get<std::string>();
        p.text = j.at("t").get<std::string>();
        p.themes = j.at("th").get<std::vector<std::string>>();
        p.roles = j.at("r").get<std::vector<std::string>>();
        if (j.contains("sp")) p.speaker = j.at("sp").get<std::string>();
        p.parent = j.at("p").get<std::string>();
        p.section = j.at("s").get<std::string>();
        p.doc_id = j.at("d").get<std::string>();
        p.doc_title = j.at("dt").get<std::string>();
        p.doc_date = j.at("dd").get<std::string>();
        p.doc_path = j.at("dp").get<std::string>();
        p.line = j.at("l").get<std::size_t>();
        return p;
    } catch (const nlohmann::json::exception& e) {
        throw IndexError(std::string("unreadable passage data in the index: ") + e.what() +
                         " (re-index with r2p-index)");
    }
}

}  // namespace r2p
