/** GET /api/change-requests items (apps/server/src/modules/change-requests/change-requests.schema.ts). */
export interface ChangeRequest {
  id: string;
  organizationId: string;
  organizationName: string;
  programId: string | null;
  programName: string | null;
  kind: 'organization_details' | 'service_details' | 'contact_create' | 'contact_update' | 'contact_removal';
  targetId: string | null;
  proposed: Record<string, unknown>;
  current: Record<string, unknown>;
  status: 'pending' | 'accepted' | 'rejected' | 'withdrawn';
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
}
