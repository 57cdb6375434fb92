const roleLabels: Record<string, string> = {
  decision_maker: 'Decision maker',
  economic_buyer: 'Economic buyer',
  champion: 'Champion',
  technical_evaluator: 'Technical evaluator',
  influencer: 'Influencer',
  user: 'User',
  other: 'Other or not sure',
};

/** The words for a contact role; unknown roles read as their code with spaces. */
export function contactRoleLabel(role: string): string {
  return roleLabels[role] ?? role.replaceAll('_', ' ');
}
