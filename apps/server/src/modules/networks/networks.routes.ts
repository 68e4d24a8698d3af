import { Type } from 'typebox';
import { problems } from '../../http/problem.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import {
  DirectorySettings,
  DirectorySettingsPatch,
  NetworkPolicyPatch,
  NetworkPolicyResponse,
  ReferralSettings,
  ReferralSettingsPatch,
} from './networks.schema.js';
import * as service from './networks.service.js';

const NetworkResponse = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  preset: Type.String(),
  presetLabel: Type.String(),
  directoryPublic: Type.Boolean(),
  /** Roles this network's programs hand out, with the labels its guide uses. */
  roles: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  clientNoun: Type.String(),
  programNoun: Type.String(),
  requiresAgencyAgreement: Type.Boolean(),
  /** ND-2 edits apply at once ('direct'); NCC-5 they become change requests ('change_request'). */
  organizationEdits: Type.Union([Type.Literal('direct'), Type.Literal('change_request')]),
  /** MT-1 / NCC-1: administrators may email a temporary password. */
  allowTemporaryPassword: Type.Boolean(),
});

export function networkRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const preHandler = requireActor({ db, clock });
  const tags = ['network'];
  app.get(
    '/api/network',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The acting network and its policy',
        response: { 200: NetworkResponse, ...problems(401, 403) },
      },
    },
    (req) => service.getNetwork(db, req.actor),
  );
  app.get(
    '/api/network/policy',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Sign-in rules and user agreement (network administrators)',
        response: { 200: NetworkPolicyResponse, ...problems(401, 403) },
      },
    },
    (req) => service.getNetworkPolicy(db, req.actor),
  );
  app.patch(
    '/api/network/policy',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Edit the sign-in rules or the user agreement (network administrators)',
        body: NetworkPolicyPatch,
        response: { 200: NetworkPolicyResponse, ...problems(400, 401, 403) },
      },
    },
    (req) => service.updateNetworkPolicy(db, req.actor, req.body),
  );
  app.patch(
    '/api/network/directory',
    {
      preHandler,
      schema: {
        tags,
        summary:
          'Directory settings: public HSDS feed, agency agreements required, edits by change request (network administrators)',
        body: DirectorySettingsPatch,
        response: { 200: DirectorySettings, ...problems(400, 401, 403) },
      },
    },
    (req) => service.updateDirectorySettings(db, req.actor, req.body),
  );
  app.get(
    '/api/network/referral-settings',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Refusal reasons (MT-12) and holidays (MT-16) of the network, for any member',
        response: { 200: ReferralSettings, ...problems(401, 403) },
      },
    },
    (req) => service.getReferralSettings(db, req.actor),
  );
  app.patch(
    '/api/network/referral-settings',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Edit the refusal reasons or the holidays (network administrators)',
        body: ReferralSettingsPatch,
        response: { 200: ReferralSettings, ...problems(400, 401, 403) },
      },
    },
    (req) => service.updateReferralSettings(db, req.actor, req.body),
  );
}
