-- Capital is ranked within one currency (never across): the joint-venture table sorts by currency, then amount,
-- and filters by currency. This index serves both, for joint ventures only, as the amount's own index does.
CREATE INDEX "organizations_capital_currency_amount_idx" ON "organizations" ("capital_currency", "capital_amount")
  WHERE "kind" = 'joint_venture';
