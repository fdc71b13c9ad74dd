#include "r2p/tables_output.hpp"

#include <iomanip>

namespace r2p {

nlohmann::json tables_report_json(const TablesReport& report) {
    nlohmann::json shards = nlohmann::json::array();
    for (const ShardTables& shard : report.shards) {
        shards.push_back({{"shard", shard.shard},
                          {"passages", shard.passages},
                          {"revision", shard.revision},
                          {"written", shard.written},
                          {"bytes", shard.bytes}});
    }
    return {{"database", report.database}, {"seconds", report.seconds}, {"shards", shards}};
}

void print_tables_report(const TablesReport& report, std::ostream& out) {
    out << std::fixed << std::setprecision(1);
    for (const ShardTables& shard : report.shards) {
        out << shard.shard << ": " << shard.passages << " passages at revision " << shard.revision
            << (shard.written ? ", table file written (" : ", table file already of this commit (")
            << static_cast<double>(shard.bytes) / 1e6 << " MB)\n";
    }
    out << std::setprecision(2) << "tables of " << report.database << " in " << report.seconds
        << " s\n";
}

}  // namespace r2p
