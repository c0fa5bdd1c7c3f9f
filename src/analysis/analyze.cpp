#include "analysis/analyze.hpp"

#include "analysis/consistency.hpp"
#include "analysis/evidence_events.hpp"
#include "analysis/indicators.hpp"
#include "analysis/timeline.hpp"

namespace casefile::analysis {

Analysis analyze(const model::Case& c, const ioc::Extractor& extractor) {
    Analysis a;
    a.evidence = parse_evidence(c, a.findings);
    collect_indicators(c, extractor, a);
    build_timeline(c, a);
    compute_metrics(c, a);
    check_consistency(c, a);
    return a;
}

} // namespace casefile::analysis
