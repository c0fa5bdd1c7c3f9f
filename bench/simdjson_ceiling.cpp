// The ceiling for parsing a JSON Lines file: simdjson On-Demand over every document, touching
// every field, with no normalization. Prints "<bytes> <seconds> <documents>".
//
// Usage: simdjson_ceiling FILE
#include <chrono>
#include <cstdio>

#include <simdjson.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    simdjson::padded_string json;
    if (auto err = simdjson::padded_string::load(argv[1]).get(json)) {
        std::fprintf(stderr, "%s: %s\n", argv[1], simdjson::error_message(err));
        return 1;
    }
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document_stream docs;
    if (auto err = parser.iterate_many(json, 1 << 20).get(docs)) {
        std::fprintf(stderr, "%s\n", simdjson::error_message(err));
        return 1;
    }
    size_t documents = 0;
    size_t fields = 0;
    size_t bytes_seen = 0;
    for (auto doc_result : docs) {
        simdjson::ondemand::document_reference doc;
        simdjson::ondemand::object obj;
        if (std::move(doc_result).get(doc) || doc.get_object().get(obj)) {
            continue;
        }
        for (auto field_result : obj) {
            simdjson::ondemand::field field;
            std::string_view key;
            if (std::move(field_result).get(field) || field.unescaped_key().get(key)) {
                break;
            }
            // Unescape strings and read numbers, as any consumer of the values must.
            simdjson::ondemand::value value = field.value();
            std::string_view s;
            if (!value.get_string().get(s)) {
                bytes_seen += s.size();
            } else {
                bytes_seen += value.raw_json_token().size();
            }
            ++fields;
        }
        ++documents;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%zu %.6f %zu\n", json.size(), seconds, documents);
    std::fprintf(stderr, "simdjson_ceiling: %zu documents, %zu fields, %zu value bytes\n",
                 documents, fields, bytes_seen);
    return 0;
}
