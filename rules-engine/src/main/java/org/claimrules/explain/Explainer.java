package org.claimrules.explain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.Evaluation;
import org.claimrules.engine.internal.DrlIndex;
import org.claimrules.model.Claim;
import org.claimrules.model.facts.Finding;
import org.claimrules.model.result.Edit;

/**
 * Explains one claim's edits from what the engine did, not by re-deriving them: a listener records
 * each rule firing with the facts it matched and the facts it inserted; each edit of the result is
 * traced to the firing that inserted its finding, and each derived fact that firing matched to the
 * derivation rule that inserted it.
 */
public final class Explainer {

    /** How many derivation steps to show under an edit's matched facts. */
    static final int DERIVATION_DEPTH = 2;

    private final ClaimEngine engine;
    private final DrlIndex rules;

    public Explainer(ClaimEngine engine) {
        this.engine = engine;
        this.rules = DrlIndex.of(engine.ruleset().root());
    }

    /** @throws org.claimrules.engine.InvalidClaimException when the claim cannot be scored as sent */
    public Explanation explain(Claim claim) {
        return explain(List.of(claim), 0);
    }

    /**
     * Explains one of a member's claims as a batch scores it: with the sessions its siblings
     * record, each shown with the sibling claim it came from.
     *
     * @throws org.claimrules.engine.InvalidClaimException when the claim cannot be scored as sent
     */
    public Explanation explain(List<Claim> member, int target) {
        Claim claim = member.get(target);
        FiringRecorder recorder = new FiringRecorder();
        Evaluation evaluation = engine.explainInMember(member, target, recorder);
        Map<Object, FiringRecorder.Recorded> insertedBy = recorder.insertedBy();
        List<Explanation.EditReason> reasons = new ArrayList<>();
        for (Edit edit : evaluation.result().edits()) {
            List<Explanation.Firing> firings = new ArrayList<>();
            for (FiringRecorder.Recorded r : recorder.firings()) {
                // the firing whose finding stands, not one a later derivation withdrew
                boolean recorded = r.inserted().stream().anyMatch(o -> o instanceof Finding f
                        && !recorder.wasWithdrawn(f) && f.editId().equals(edit.editId())
                        && Objects.equals(f.lineNumber(), edit.lineNumber()));
                if (recorded) {
                    firings.add(firing(r, claim, insertedBy, recorder.seen(), DERIVATION_DEPTH,
                            Collections.newSetFromMap(new IdentityHashMap<>())));
                }
            }
            reasons.add(new Explanation.EditReason(edit, firings));
        }
        return new Explanation(evaluation.result(), reasons);
    }

    private Explanation.Firing firing(FiringRecorder.Recorded r, Claim claim, Map<Object, FiringRecorder.Recorded> insertedBy,
            Set<Object> known, int depth, Set<Object> shown) {
        DrlIndex.RuleSource source = rules.rule(r.rule()).orElse(null);
        FactDescriber describer = new FactDescriber(source == null ? null : source.text());
        List<Explanation.Fact> facts = new ArrayList<>();
        Set<Object> readThrough = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : r.matched()) {
            FiringRecorder.Recorded derivation = insertedBy.get(o);
            Explanation.Firing derivedBy = null;
            if (derivation != null && depth > 0 && shown.add(o) && !(o instanceof Finding)) {
                derivedBy = firing(derivation, claim, insertedBy, known, depth - 1, shown);
            }
            String description = o instanceof Collection<?> collected
                    ? describer.describeCollected(collected, known) : describer.describe(o);
            facts.add(new Explanation.Fact(description, derivedBy));
            for (Object through : describer.readThrough(o)) {
                if (r.matched().stream().noneMatch(m -> m == through) && readThrough.add(through)) {
                    facts.add(new Explanation.Fact(describer.describe(through), null));
                }
            }
        }
        String location = source == null ? null : source.file() + ":" + source.firstLine();
        return new Explanation.Firing(r.rule(), location, facts);
    }
}
