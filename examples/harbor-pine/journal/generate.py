#!/usr/bin/env python3
"""Writes the journals of Harbor & Pine Stores, Inc. (an invented retailer).

Deterministic: every amount is integer cents computed from fixed tables and a
random.Random with a fixed seed, so running it again writes the same files.
Run from anywhere: python3 examples/harbor-pine/journal/generate.py

Fiscal years end on the Saturday nearest January 31 and are named by the
calendar year they start in (fiscal 2024 = February 4, 2024 to February 1,
2025). Each quarter has 13 weeks in 4-5-4 months; fiscal 2023 has 53 weeks,
the extra one in its last month. The journals run from the opening balances
at January 28, 2023 (the end of fiscal 2022) to Friday, August 1, 2025, the
day before the second quarter of fiscal 2025 ends: no transaction falls on a
Saturday or a Sunday, so no period ends on a day with postings.
"""

import datetime as dt
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.date
DAY = dt.timedelta(days=1)
LAST_DAY = D(2025, 8, 1)
CUR = "USD"

# (fiscal year, first day, weeks); 4-5-4 months, the 53rd week in the last month.
YEARS = [(2023, D(2023, 1, 29), 53), (2024, D(2024, 2, 4), 52), (2025, D(2025, 2, 2), 52)]
MONTH_NAMES = ["February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "January"]
# Weekly sales in cents before seasonality, and seasonality per fiscal month (per mille).
APPAREL_WEEK = 12_400_000_00
HOME_WEEK = 7_600_000_00
SEASON = [905, 1010, 985, 1000, 965, 950, 1005, 880, 930, 1260, 1640, 815]
GROWTH = {2023: 1000, 2024: 1041, 2025: 1069}
# Merchandise cost per mille of sales; markdowns raise it in July and January.
APPAREL_COST = {2023: 541, 2024: 537, 2025: 531}
HOME_COST = {2023: 591, 2024: 589, 2025: 585}
MARKDOWN = [0, 0, 0, 0, 4, 16, 0, 0, 0, 0, 6, 28]
# Inventory planned at each fiscal month end, per mille of $250 million (grown each year).
INVENTORY_BASE = 250_000_000_00
INVENTORY_PLAN = [960, 1000, 1015, 1000, 985, 1050, 1085, 1150, 1275, 1240, 925, 895]
RENT = {2023: 8_400_000_00, 2024: 8_650_000_00, 2025: 8_800_000_00}  # store rent per calendar month
DIVIDEND = {2023: 18, 2024: 20, 2025: 22}  # cents per share per quarter
CAPEX = {(2023, 1): 6_480_000_00, (2023, 2): 8_950_000_00, (2023, 3): 7_120_000_00, (2023, 4): 2_940_000_00,
         (2024, 1): 7_310_000_00, (2024, 2): 9_860_000_00, (2024, 3): 6_270_000_00, (2024, 4): 3_150_000_00,
         (2025, 1): 8_040_000_00, (2025, 2): 10_420_000_00}
TAX_RATE = 253  # per mille of income before taxes
SALES_TAX = 725  # per 10,000 of sales
rng = random.Random(20250802)

ledger = {}  # account -> cents, as the journal has them so far
entries = []  # (date, order, text)


def money(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}{c // 100:,}.{c % 100:02d} {CUR}"


def long_date(d):
    return f"{d:%B} {d.day}, {d.year}"


def dollars(c):
    return f"${c // 100}.{c % 100:02d}"


def post(date, payee, postings, note=None):
    assert date.weekday() < 5, f"{date} is a weekend day"
    postings = [(a, c) for a, c in postings if c != 0]
    assert sum(c for _, c in postings) == 0, (date, payee, postings)
    if date > LAST_DAY:
        return
    for a, c in postings:
        ledger[a] = ledger.get(a, 0) + c
    head = f"{date.isoformat()} * {payee}"
    if note:
        head += f"  ; {note}"
    lines = [head] + [f"    {a:<70}{money(c):>22}" for a, c in postings]
    entries.append((date, len(entries), "\n".join(lines)))


def weekday_on_or_after(d, weekday):
    return d + DAY * ((weekday - d.weekday()) % 7)


def business_day(d):
    """d, or the Monday after when d falls on a weekend."""
    return d if d.weekday() < 5 else weekday_on_or_after(d, 0)


def months_of(year, first, weeks):
    out, start = [], first
    for m in range(12):
        n = [4, 5, 4][m % 3] + (1 if m == 11 and weeks == 53 else 0)
        out.append((m, start, start + DAY * (7 * n - 1)))
        start += DAY * 7 * n
    return out


def share_of(c, per, base=1000):
    return c * per // base


CASH = "Assets:Cash and cash equivalents:Operating account"
DEPOSITS = "Assets:Cash and cash equivalents:Store deposits"
CARDS = "Assets:Receivables:Credit card settlements"
INVENTORY = "Assets:Merchandise inventories"
PREPAID_INSURANCE = "Assets:Prepaid expenses:Insurance"
PREPAID_RENT = "Assets:Prepaid expenses:Store rent"
FIXTURES = "Assets:Property and equipment:Store fixtures and leasehold improvements"
ACC_DEP = "Assets:Property and equipment:Accumulated depreciation"
PAYABLES = "Liabilities:Accounts payable"
WITHHELD = "Liabilities:Accrued compensation:Payroll taxes withheld"
BONUS = "Liabilities:Accrued compensation:Incentive bonus"
ACCRUED = "Liabilities:Accrued expenses:Store operating costs"
SALES_TAX_PAYABLE = "Liabilities:Accrued expenses:Sales tax"
DIVIDENDS_PAYABLE = "Liabilities:Dividends payable"
TAXES_PAYABLE = "Liabilities:Income taxes payable"
DEBT_CURRENT = "Liabilities:Long-term debt:Current portion"
DEBT = "Liabilities:Long-term debt:Term loan"
APIC = "Equity:Additional paid-in capital"
TREASURY = "Equity:Treasury stock"
RETAINED = "Equity:Retained earnings"
SGA = "Expenses:Selling, general and administrative"
INCOME_ACCOUNTS = ("Revenues", "Costs", "Expenses")

shares = {"outstanding": 24_850_000}


def opening():
    d = D(2023, 1, 28)
    lines = [
        ("Assets:Cash and cash equivalents:Operating account", 159_215_380_12),
        ("Assets:Cash and cash equivalents:Store deposits", 4_184_620_00),
        (CARDS, 9_126_440_37),
        (PREPAID_RENT, 812_000_00),
        (INVENTORY, 232_410_865_20),
        ("Assets:Prepaid expenses:Software and maintenance", 1_450_000_00),
        ("Assets:Property and equipment:Store fixtures and leasehold improvements", 356_800_000_00),
        ("Assets:Property and equipment:Distribution center and systems", 55_200_000_00),
        (ACC_DEP, -198_540_000_00),
        (PAYABLES, -96_318_204_55),
        (WITHHELD, -4_108_336_40),
        (BONUS, -6_800_000_00),
        (ACCRUED, -5_216_784_10),
        (SALES_TAX_PAYABLE, -11_904_116_82),
        (TAXES_PAYABLE, -9_412_000_00),
        (DEBT_CURRENT, -10_000_000_00),
        (DEBT, -110_000_000_00),
        ("Equity:Common stock", -250_000_00),
        (APIC, -96_400_000_00),
        (TREASURY, 3_600_000_00),
    ]
    lines.append((RETAINED, -sum(c for _, c in lines)))
    for a, c in lines:
        ledger[a] = ledger.get(a, 0) + c
    body = [f"{d.isoformat()} * Opening balances at the end of fiscal 2022"]
    body += [f"    {a:<70}{money(c):>22}" for a, c in lines]
    return "\n".join(body)


def settle_opening():
    post(D(2023, 1, 30), "Card processors | settlement of sales through January 27", [
        (DEPOSITS, 8_953_038_00), ("Expenses:Selling, general and administrative:Card processing fees", 173_402_37),
        (CARDS, -9_126_440_37)])
    post(D(2023, 1, 30), "Merchandise vendors | invoices of January", [(PAYABLES, 48_000_000_00), (CASH, -48_000_000_00)])
    post(D(2023, 2, 13), "Merchandise vendors | invoices of January", [(PAYABLES, 48_318_204_55), (CASH, -48_318_204_55)])
    post(D(2023, 1, 31), "Payroll taxes withheld, January", [(WITHHELD, 4_108_336_40), (CASH, -4_108_336_40)])
    post(D(2023, 2, 14), "Utilities, maintenance and supplies of January", [(ACCRUED, 5_216_784_10), (CASH, -5_216_784_10)])
    post(D(2023, 2, 14), "State and local sales tax returns, January", [
        (SALES_TAX_PAYABLE, 11_904_116_82), (CASH, -11_904_116_82)])


def sweep(d):
    """Store deposits are swept into the operating account each Monday."""
    amount = ledger.get(DEPOSITS, 0)
    post(d, "Store deposits | weekly sweep to the operating account", [(CASH, amount), (DEPOSITS, -amount)])


def week(fy, m, friday, factor):
    wiggle = 1000 + rng.randint(-30, 30)
    apparel = APPAREL_WEEK * SEASON[m] * GROWTH[fy] * wiggle // 10**9
    home = HOME_WEEK * SEASON[m] * GROWTH[fy] * (1000 + rng.randint(-30, 30)) // 10**9
    tax = (apparel + home) * SALES_TAX // 10000
    card = share_of(apparel + home + tax, 822)
    cost_apparel = share_of(apparel, APPAREL_COST[fy] + MARKDOWN[m])
    cost_home = share_of(home, HOME_COST[fy] + MARKDOWN[m])
    post(friday, f"Stores and e-commerce | sales of the week to {friday:%b %d}", [
        (DEPOSITS, apparel + home + tax - card), (CARDS, card),
        ("Revenues:Net sales:Apparel and accessories", -apparel), ("Revenues:Net sales:Home goods", -home),
        (SALES_TAX_PAYABLE, -tax),
        ("Costs:Cost of sales:Merchandise:Apparel and accessories", cost_apparel),
        ("Costs:Cost of sales:Merchandise:Home goods", cost_home),
        (INVENTORY, -cost_apparel - cost_home)])
    monday = friday + 3 * DAY
    fee = share_of(card, 19)
    post(monday, f"Card processors | settlement of sales of the week to {friday:%b %d}", [
        (DEPOSITS, card - fee), ("Expenses:Selling, general and administrative:Card processing fees", fee),
        (CARDS, -card)])
    return apparel + home


def month(fy, m, start, end, plan_growth):
    name = MONTH_NAMES[m]
    label = f"fiscal {name} {fy}"
    fridays = [start + DAY * (5 + 7 * k) for k in range((end - start).days // 7 + 1)]
    inventory_before = ledger.get(INVENTORY, 0)
    sales = 0
    for f in fridays:
        sweep(f - 4 * DAY)
        sales += week(fy, m, f, 1)
    weeks = len(fridays)
    cost = inventory_before - ledger.get(INVENTORY, 0)
    target = INVENTORY_BASE * INVENTORY_PLAN[m] * plan_growth // 10**6
    purchases = max(cost + target - inventory_before, cost // 2)
    first = purchases * 45 // 100
    for d, amount in ((start + 8 * DAY, first), (start + 19 * DAY, purchases - first)):
        post(d, f"Merchandise vendors | receipts, {label}", [(INVENTORY, amount), (PAYABLES, -amount)])
        post(d + (30 if d.weekday() == 0 else 31) * DAY, f"Merchandise vendors | payment of receipts of {d:%b %d}",
             [(PAYABLES, amount), (CASH, -amount)])
    last_friday = fridays[-1]
    freight = share_of(sales, 26)
    post(last_friday - DAY, f"Carriers and distribution center | freight and distribution, {label}", [
        ("Costs:Cost of sales:Distribution and freight", freight), (CASH, -freight)])
    store_pay = share_of(sales, 84) + 1_500_000_00 * weeks // 4
    corporate_pay = 3_400_000_00 * weeks // 4
    gross = store_pay + corporate_pay
    withheld = share_of(gross, 238)
    payday = last_friday - DAY
    post(payday, f"Payroll | {label}", [
        (f"{SGA}:Store payroll", store_pay), (f"{SGA}:Corporate payroll", corporate_pay),
        (CASH, -(gross - withheld)), (WITHHELD, -withheld)])
    post(payday + 5 * DAY, f"Internal Revenue Service and states | payroll taxes withheld, {label}",
         [(WITHHELD, withheld), (CASH, -withheld)])
    advertising = share_of(sales, 19) + (1_800_000_00 if m in (9, 10) else 0)
    post(start + 17 * DAY, f"Agencies and media | advertising, {label}", [
        (f"{SGA}:Advertising", advertising), (CASH, -advertising)])
    operating = share_of(sales, 21)
    post(last_friday, f"Utilities, maintenance and supplies | accrued for {label}", [
        (f"{SGA}:Store operating costs", operating), (ACCRUED, -operating)])
    post(last_friday + 17 * DAY, f"Utilities, maintenance and supplies | payment for {label}",
         [(ACCRUED, operating), (CASH, -operating)])
    corporate = 1_350_000_00 * weeks // 4
    post(start + 11 * DAY, f"Headquarters | office, systems and professional fees, {label}", [
        (f"{SGA}:Corporate and other", corporate), (CASH, -corporate)])
    if m == 0:
        post(start + 9 * DAY, f"Insurers | property and liability premium, policy year {fy}",
             [(PREPAID_INSURANCE, 3_120_000_00), (CASH, -3_120_000_00)])
    rent = RENT[fy] * 12 * weeks // 52
    post(last_friday, f"Store rent expense, {label} (straight-line, {weeks} weeks)",
         [("Costs:Cost of sales:Occupancy", rent), (PREPAID_RENT, -rent)])
    insurance = min(260_000_00, ledger.get(PREPAID_INSURANCE, 0))
    post(last_friday, f"Insurance expense, {label}", [(f"{SGA}:Insurance", insurance), (PREPAID_INSURANCE, -insurance)])
    cost_base = sum(c for a, c in ledger.items() if a.startswith("Assets:Property and equipment:")
                    and a != ACC_DEP)
    depreciation = cost_base * weeks // (4 * 140)
    post(last_friday, f"Depreciation and amortization, {label}", [
        ("Expenses:Depreciation and amortization", depreciation), (ACC_DEP, -depreciation)])
    sales_tax = ledger.get(SALES_TAX_PAYABLE, 0)
    post(end + 17 * DAY, f"State and local sales tax returns, {label}", [
        (SALES_TAX_PAYABLE, -sales_tax), (CASH, sales_tax)])


def quarter(fy, q, months, state):
    (_, qstart, _), (_, _, qend) = months[0], months[-1]
    label = f"the {['first', 'second', 'third', 'fourth'][q - 1]} quarter of fiscal {fy}"
    # Rent is due on the first of each calendar month and paid on the business
    # day before: the months whose payment falls in the quarter.
    d = D(qstart.year, qstart.month, 1)
    while d <= qend + 7 * DAY:
        pay = d - DAY
        while pay.weekday() >= 5:
            pay -= DAY
        if qstart <= pay <= qend:
            post(pay, f"Landlords | store rent, {d:%B %Y}, paid in advance", [(PREPAID_RENT, RENT[fy]), (CASH, -RENT[fy])])
        d = D(d.year + d.month // 12, d.month % 12 + 1, 1)
    declared = weekday_on_or_after(qstart + 7 * DAY, 1)
    dividend = shares["outstanding"] * DIVIDEND[fy]
    post(declared, f"Board of directors | quarterly dividend of {dollars(DIVIDEND[fy])} a share declared", [
        (RETAINED, dividend), (DIVIDENDS_PAYABLE, -dividend)])
    post(declared + 24 * DAY, "Stockholders | quarterly dividend paid", [(DIVIDENDS_PAYABLE, dividend), (CASH, -dividend)])
    capex = CAPEX[(fy, q)]
    post(weekday_on_or_after(qstart + 40 * DAY, 2), f"Contractors | store remodels, new stores and fixtures, {label}", [
        (FIXTURES, capex), (CASH, -capex)])
    due = state.get("tax_due", 0)
    if due > 0:
        post(business_day(months[1][1] + 14 * DAY), f"Internal Revenue Service and states | income taxes",
             [(TAXES_PAYABLE, due), (CASH, -due)])
    if q == 1 and ledger.get(BONUS, 0) < 0:
        bonus = -ledger[BONUS]
        post(weekday_on_or_after(qstart + 60 * DAY, 4), f"Incentive bonus for fiscal {fy - 1} paid",
             [(BONUS, bonus), (CASH, -bonus)])
    loan_day = qend - 8 * DAY  # the Friday two weeks before the quarter ends
    interest = -(ledger[DEBT] + ledger[DEBT_CURRENT]) * 625 // 40000
    post(loan_day, f"First Coastal Bank | term loan interest (6.25%) and instalment, {label}", [
        ("Expenses:Interest expense", interest), (DEBT_CURRENT, 2_500_000_00), (CASH, -(interest + 2_500_000_00))])
    post(loan_day, "Term loan | instalment due within a year reclassified", [
        (DEBT, 2_500_000_00), (DEBT_CURRENT, -2_500_000_00)])
    post(loan_day, "First Coastal Bank | interest on deposits", [
        (CASH, 348_000_00 + 41_500_00 * (fy - 2023)), ("Revenues:Interest income", -(348_000_00 + 41_500_00 * (fy - 2023)))])
    last_friday = qend - DAY
    post(last_friday, f"Stock-based compensation, {label}", [(f"{SGA}:Stock-based compensation", 1_350_000_00), (APIC, -1_350_000_00)])
    bonus = 1_700_000_00 + (600_000_00 if q == 4 else 0)
    post(last_friday, f"Incentive bonus accrued, {label}", [(f"{SGA}:Incentive bonus", bonus), (BONUS, -bonus)])
    pretax = -sum(c for a, c in ledger.items() if a.startswith(INCOME_ACCOUNTS)) - state["income_before"]
    provision = pretax * TAX_RATE // 1000
    post(last_friday, f"Income taxes, {label}: 25.3% of income before taxes of {money(pretax)}", [
        ("Expenses:Income taxes", provision), (TAXES_PAYABLE, -provision)])
    state["tax_due"] = -ledger[TAXES_PAYABLE]
    state["income_before"] = -sum(c for a, c in ledger.items() if a.startswith(INCOME_ACCOUNTS))


def buyback(d, count, price_cents):
    amount = count * price_cents
    post(d, f"Share repurchase | {count:,} shares of common stock at {dollars(price_cents)}", [
        (TREASURY, amount), (CASH, -amount)])
    shares["outstanding"] -= count


def main():
    header = opening()
    settle_opening()
    state = {"income_before": 0}
    for fy, first, weeks in YEARS:
        months = months_of(fy, first, weeks)
        plan_growth = GROWTH[fy]
        for q in range(1, 5):
            qmonths = months[3 * (q - 1):3 * q]
            if qmonths[0][1] > LAST_DAY:
                break
            if (fy, q) == (2023, 3):
                buyback(D(2023, 9, 12), 250_000, 31_20)
            if (fy, q) == (2025, 1):
                buyback(D(2025, 3, 18), 400_000, 38_50)
            for m, start, end in qmonths:
                month(fy, m, start, end, plan_growth)
            if qmonths[-1][2] <= LAST_DAY + DAY:
                quarter(fy, q, qmonths, state)
    write("opening.journal", "Opening balances at January 28, 2023, the last day of fiscal 2022", [header])
    bounds = {fy: (first, first + DAY * (7 * weeks - 1)) for fy, first, weeks in YEARS}
    for fy, (a, b) in bounds.items():
        chosen = [text for d, _, text in sorted(entries) if (a <= d <= b) or (fy == 2023 and d < a)]
        span = f"{long_date(a)} to {long_date(min(b, LAST_DAY))}"
        write(f"fy{fy}.journal", f"Fiscal {fy}: {span}", chosen)
    print(f"{len(entries)} transactions; shares outstanding {shares['outstanding']:,}")


def write(name, title, texts):
    with open(os.path.join(HERE, name), "w") as f:
        f.write("; Harbor & Pine Stores, Inc. (invented). Written by generate.py; do not edit by hand.\n")
        f.write(f"; {title}. Amounts in US dollars and cents.\n\n")
        f.write("\n\n".join(texts) + "\n")


if __name__ == "__main__":
    main()
