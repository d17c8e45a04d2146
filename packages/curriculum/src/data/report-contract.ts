/**
 * The lab report contract (labs/LAB_STRUCTURE_AND_REPORT_CONTRACT.md, §1.6–1.7): each report
 * section and the ledger fields it is derived from. Per-part fields come from every part's
 * checkpoint; synthesis fields from the synthesis. Lab, track and scenario come from the lab
 * and its variant, so they need no checkpoint field.
 */
import type { ReportContract } from '../schema/index.js'

export const reportContract: ReportContract = {
  sections: [
    {
      id: 'track-and-scenario',
      title: 'Track And Scenario',
      partFields: ['hardware_ref'],
      synthesisFields: [],
    },
    { id: 'predictions', title: 'Predictions', partFields: ['prediction'], synthesisFields: [] },
    {
      id: 'evidence-summary',
      title: 'Evidence Summary',
      partFields: ['knob_settings', 'result_snapshot', 'binding_constraint', 'primary_metric'],
      synthesisFields: ['evidence_summary'],
    },
    { id: 'final-decision', title: 'Final Decision', partFields: [], synthesisFields: ['final_decision'] },
    { id: 'big-takeaways', title: 'Big Takeaways', partFields: [], synthesisFields: ['big_takeaways'] },
    {
      id: 'reflections',
      title: 'Reflections',
      partFields: ['reflection', 'decision_or_checkpoint'],
      synthesisFields: [],
    },
    { id: 'residual-risk', title: 'Residual Risk', partFields: [], synthesisFields: ['residual_risk'] },
    {
      id: 'source-trace',
      title: 'Source Trace',
      partFields: ['guardrail_metric'],
      synthesisFields: ['report_snapshot'],
    },
  ],
}

/** Ledger fields a part checkpoint saves in the shipped labs (the per-part ledger entry). */
export const PART_CHECKPOINT_FIELDS = [
  'hardware_ref',
  'prediction',
  'knob_settings',
  'result_snapshot',
  'binding_constraint',
  'primary_metric',
  'guardrail_metric',
  'reflection',
  'decision_or_checkpoint',
] as const

/** Ledger fields the synthesis adds. */
export const SYNTHESIS_FIELDS = [
  'final_decision',
  'evidence_summary',
  'big_takeaways',
  'residual_risk',
  'report_snapshot',
] as const
