-- ND-9: the provider's client secret and in-flight sign-ins are read only by system transactions
-- (the table owner: sign-in, the administrator's settings after the access check). Tenant
-- transactions run as portico_app and got every new table through the default privileges of 0001.
REVOKE ALL ON network_sso FROM portico_app;
--> statement-breakpoint
REVOKE ALL ON sso_logins FROM portico_app;
