#!/usr/bin/env python3
"""Random journal generator for differential tests of `kessan bal`.

Usage:
    gen_journal.py SEED [--txns N] [--without FEAT,...] [--list-features] > out.journal
    gen_journal.py SEED --dir DIR [...]   # writes DIR/main.journal plus included files

The output is deterministic for a given SEED and option set.  Every journal is
accepted by both ledger 3.3 and hledger 1.25, and both compute the same
per-account balances for it.

Syntax exercised (each item can be switched off with --without, see FEATURES):
  * dates YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, one-digit months and days,
    secondary dates (`=DATE`); `Y YEAR` followed by year-less dates (MM/DD,
    MM-DD, MM.DD) in the same file
  * status `*` / `!` on transactions and postings, `(code)`, `payee | note`
  * account names with single inner spaces, non-ASCII letters and
    punctuation (`Food (misc)`, `Rent [2021]`, `A;B`, `Cash, coins`,
    `Say "hi"`), also inside virtual postings; 1-4 levels
  * account/amount separated by 2+ spaces, or by a tab plus other whitespace
  * commodity before/after the number, with or without a space; quoted
    commodities containing digits, spaces, `,` or `&` ("ACME 1", "A,B");
    non-ASCII symbols
  * thousands separators, minus sign before or after a prefix symbol,
    a space after the minus sign (`- $5`), commodity-less amounts
  * one posting per transaction with an omitted (inferred) amount, possibly
    multi-commodity; transactions with no postings at all
  * virtual postings: unbalanced `(acct)` and balanced `[acct]`
  * costs `@ unit` and `@@ total` (exact; inferred amounts stay exact)
  * true balance assertions `= AMOUNT` (single account, single commodity,
    subaccounts excluded)
  * trailing whitespace, whitespace-only lines between transactions
  * comments: top-level `;`, `#` and `*` lines, indented `;` lines, inline `;`,
    `comment` ... `end comment` blocks, tags `key: value` and `:tag:`
  * directives: `account`, `commodity` (with a format amount), `P`,
    `include` (only with --dir; nested, paths relative to the including
    file), `alias OLD=NEW`, `Y YEAR`

Places where ledger 3.3 and hledger 1.25 disagree; the generator avoids them:
  * `year 2021` is rejected by hledger 1.25; only `Y 2021` is generated.
  * A single tab between account and amount ends the account name in ledger,
    but hledger 1.25 keeps it as part of the name ("Assets:Bank 5 USD" becomes
    the account).  Separators are two or more spaces, two tabs, or a
    space/tab pair.
  * A number with exactly one comma and no period (`1,234`) is 1234 in ledger
    but 1.234 (decimal comma) in hledger 1.25.  Grouped numbers therefore
    always contain a decimal point or at least two group separators.
  * Balance assertions: ledger leaves virtual postings out of the running
    balance it checks, hledger includes them.  Assertions are only written
    where both running balances coincide.
  * Balance assertions: ledger checks them in file order, hledger in date
    order.  Transactions are written in date order, included files included.
  * Balance assertions on postings whose transaction also has an amount-less
    posting to the same account: ledger checks before inferring the amount,
    hledger after.  Not generated.  (`acct  = AMOUNT` without an amount is a
    balance assignment in hledger; also not generated.)
  * ledger allows one amount-less posting per transaction in total; hledger
    allows one real and one balanced-virtual.  At most one is generated.
  * alias: ledger expands recursively and matches only the whole account name
    or its first component; hledger matches any `OLD` / `OLD:...` prefix once.
    OLD is always a single component that is no other account's first
    component, and no NEW begins with an OLD.
  * An assertion in another commodity than the posting's amount
    (`a  3 EUR = 5 GBP`) fails in ledger when the account already holds the
    posting's commodity; assertions always use the posting's commodity.
  * A commodity-less assertion (`= 5`) is compared by ledger with the
    account's whole balance, by hledger with its commodity-less part only.
    Such assertions are only written when the account holds nothing else.
  * ledger has built-in time commodities (`h`, `m`, `s` are converted to
    seconds); such symbols are not used.
  * `commodity 1000 USD` is rejected by hledger (a decimal mark is required);
    zero-decimal commodities are declared as `commodity 1,000. USD`.
  * Comment metadata: ledger reads `[DATE]` in comments as posting dates and
    `key:: value` as typed values; hledger reads `date:`/`date2:` tags as
    posting dates.  None of these are generated.
  * Display precision: both round shown amounts to a display precision
    (hledger: the `commodity` directive's, else the largest precision of the
    commodity's posting amounts, prices only counting when there are none;
    ledger's `bal`: the precision of posting amounts, so a `$` that appears
    only in prices is shown with 0 decimals).  `1 Y @@ 3.25 X` next to a
    posting of `5.0 X` makes both show the inferred -3.25 X as -3.2.  ledger's
    rows are therefore read unrounded (see run_diff.py), and every amount,
    price and inferred amount therefore has at most its commodity's precision,
    the first posting amount of each commodity is written with all its
    decimals, and the `commodity` directive states exactly that precision.
  * Accepted by only one of the two, so not generated: `==` total assertions
    and `=*` (hledger only); `.5`, `+5`, `$+5` (hledger only; ledger accepts
    `5.`, hledger too); a UTF-8 byte order mark (hledger only); a price in
    the posting's own commodity (`2 EUR @ 1.5 EUR`) and negative unit prices
    (hledger only); `%` and `|` comment lines (ledger only); an indented
    comment line before the first transaction (hledger only); `commodity`
    sub-directives such as `note` (ledger only); `;` inside a quoted
    commodity (ledger only); E-notation `1E3` (hledger only).
  * `--depth 0`: ledger shows nothing, hledger shows every account as
    without --depth; run_diff.py never uses depth 0.
  * Year-less dates without a `Y` directive depend on the current year and
    are not generated.
  * Decimal commas, `end aliases`, regex aliases, `apply account`, lot prices
    `{}`, implicit conversions between two commodities without `@`, and
    posting dates are not generated.
"""

import argparse
import datetime
import os
import random
import sys
from decimal import Decimal

FEATURES = {
    "slashdates": "YYYY/MM/DD dates",
    "dotdates": "YYYY.MM.DD dates",
    "yearless": "`Y YEAR` directive and year-less dates",
    "status": "`*` / `!` on transactions and postings",
    "code": "(code) on transactions",
    "note": "`payee | note` descriptions",
    "spacenames": "account names with inner spaces",
    "unicode": "non-ASCII account names and commodity symbols",
    "tabs": "tabs in indentation and account/amount separators",
    "quoted": "quoted commodities like \"ACME 1\"",
    "flipside": "commodities written on their unusual side",
    "grouping": "thousands separators",
    "signafter": "minus sign after a prefix symbol (`$-5`)",
    "inferred": "one amount-less posting per transaction",
    "multiinfer": "amount-less posting absorbing several commodities",
    "virtual": "unbalanced (virtual) postings",
    "bvirtual": "balanced [virtual] postings",
    "costs": "@ unit price and @@ total price",
    "assertions": "balance assertions",
    "comments": "full-line and inline comments",
    "tags": "tags in comments",
    "commentblocks": "comment ... end comment blocks",
    "accountdir": "account directives",
    "commoditydir": "commodity directives",
    "pricedir": "P directives",
    "include": "include directives (only with --dir)",
    "alias": "alias directives",
    "parentpost": "postings to non-leaf accounts",
    "zero": "zero amounts",
    "punctnames": "account names with punctuation: , \" ; ( ) [ ] & ' # @ = etc.",
    "nocommodity": "amounts without a commodity symbol",
    "trailingws": "trailing whitespace and whitespace-only separator lines",
    "shortdates": "one-digit months and days (2021-3-5)",
    "auxdates": "secondary dates (2021-03-05=2021-03-09)",
    "minusspace": "a space after the minus sign (`- $5`, `- 5 USD`)",
    "emptytxn": "transactions without postings",
}

# share of journals in which these features may appear at all
JOURNAL_SHARE = {"punctnames": 0.3, "minusspace": 0.2, "emptytxn": 0.15,
                 "nocommodity": 0.5, "auxdates": 0.5, "shortdates": 0.5,
                 "trailingws": 0.5}

WORDS = ["Bank", "Checking", "Savings", "Cash", "Broker", "Food", "Rent",
         "Salary", "Bonus", "Visa", "Groceries", "Travel", "Car", "Fuel",
         "Gifts", "Utilities", "Phone", "Internet", "Books", "Tax", "Interest",
         "Dividends", "Stocks", "Bonds", "Fund2", "Q1", "Misc", "Water",
         "Power", "Insurance", "Health", "Dentist", "Loan", "Mortgage",
         "Wallet", "Joint", "Gym", "Clothes", "Hotel", "Taxi", "Coffee",
         "Rebates", "Refunds", "Opening", "Vacation", "Payroll", "Fees"]
SPACE_WORDS = ["Petty cash", "Credit card", "Food and drink", "Opening balances",
               "Side job", "Eating out", "Public transport", "Home office",
               "Capital gains", "Account 2", "Tax refund 2020"]
PUNCT_WORDS = ["Food (misc)", "Rent [2021]", "A;B", "Q&A", "O'Neil",
               "Cash, coins", 'Say "hi"', "x=y", "a@b", "50% off", "C++",
               "No.1", "A/B", "x|y", "{tmp}", "Trip (2) [b]", "Tips!",
               "v2.0*", "Peter's, Paul's", "(draft)", "[old]"]
UNICODE_WORDS = ["Zürich", "Café", "Épargne", "Łódź", "Straße", "Ünterwegs",
                 "Kasse Ö"]
TOPS = ["Assets", "Liabilities", "Expenses", "Income", "Equity", "Revenue",
        "Budget"]
ALIAS_NAMES = ["chk", "cc", "old acct", "wallet2", "Bnk", "sav x"]

PAYEES = ["Grocery store", "Landlord", "Employer Inc", "Gas station", "Bank",
          "Bookshop", "Alice", "Bob", "Airline", "Coffee shop", "Broker",
          "Opening balance", "Transfer", "Utility co", "Phone company"]
NOTES = ["weekly shop", "January rent", "bonus", "refund", "fill up",
         "birthday", "interest", "rebalance", "misc", "trip 2"]
COMMENT_TEXT = ["checked", "see receipt", "approx", "todo later",
                "paid by card", "split with Bob", "quarterly", "x 2 y"]
TAG_NAMES = ["kind", "project", "receipt", "trip", "payer", "ref"]
TAG_VALUES = ["home", "work", "A-12", "summer 2021", "yes", "42"]
BARE_TAGS = ["reviewed", "tax", "recurring", "cash", "big"]

# symbol, needs quotes, default side (L = before the number), default space
COMMODITY_POOL = [
    ("$", False, "L", False),
    ("£", False, "L", False),
    ("€", False, "R", True),
    ("USD", False, "R", True),
    ("EUR", False, "R", True),
    ("GBP", False, "R", False),
    ("CHF", False, "L", True),
    ("AAPL", False, "R", True),
    ("ACME 1", True, "R", True),
    ("X Y Z", True, "L", True),
    ("B2B", True, "R", True),
    ("Ä", False, "R", True),
    ("A,B", True, "R", True),
    ("R&D 2", True, "L", True),
    ("", False, "R", False),
]

# a posting moves ~10^k units, for k in this list
MAGNITUDES = [1, 2, 2, 2, 3, 3, 4, 5, 6]


class Commodity:
    def __init__(self, symbol, quoted, side, space, prec):
        self.symbol = symbol
        self.quoted = quoted
        self.side = side
        self.space = space
        self.prec = prec

    @property
    def text(self):
        return '"%s"' % self.symbol if self.quoted else self.symbol


class Posting:
    def __init__(self, account, amount=None, comm=None, virtual="",
                 cost=None):
        self.account = account        # canonical full account name
        self.written = account        # name as written (may use an alias)
        self.amount = amount          # Decimal or None (inferred)
        self.comm = comm
        self.virtual = virtual        # "", "(" or "["
        self.cost = cost              # None or (kind "@"/"@@", Decimal, Commodity)
        self.status = ""
        self.assertion = None         # (Decimal, Commodity)
        self.inline = ""              # inline comment text (without ';')
        self.after = []               # indented comment lines after posting
        # canonical amounts of an inferred posting: {Commodity: Decimal}
        self.inferred = {}


class Txn:
    def __init__(self, date):
        self.date = date              # (y, m, d)
        self.status = ""
        self.code = ""
        self.desc = ""
        self.inline = ""
        self.pre_comments = []        # indented comment lines after header
        self.postings = []


class Generator:
    def __init__(self, seed, ntxns=None, without=(), use_dir=False):
        self.rng = random.Random(seed)
        self.seed = seed
        self.off = set(without)
        self.use_dir = use_dir
        r = self.rng
        self.ntxns = ntxns if ntxns is not None else r.randint(8, 40)
        # rarer syntax appears in only part of the journals
        for feat, p in JOURNAL_SHARE.items():
            if r.random() >= p:
                self.off.add(feat)
        self.files = {}               # relative path -> text
        self.full_written = set()     # commodities shown with all decimals
        self.dates = []               # all transaction dates, as (y, m, d)

    def on(self, feat, p=1.0):
        return feat not in self.off and self.rng.random() < p

    # ---------------------------------------------------------------- setup

    def pick_commodities(self):
        r = self.rng
        pool = [c for c in COMMODITY_POOL
                if not (c[1] and "quoted" in self.off)
                and not ("unicode" in self.off and not c[0].isascii())
                and not (c[0] == "" and "nocommodity" in self.off)]
        n = r.randint(1, 4) if r.random() < 0.85 else r.randint(4, 6)
        chosen = r.sample(pool, min(n, len(pool)))
        self.comms = []
        for sym, quoted, side, space in chosen:
            prec = r.choice([0, 2, 2, 2, 2, 3, 1])
            self.comms.append(Commodity(sym, quoted, side, space, prec))

    def make_component(self):
        r = self.rng
        x = r.random()
        if x < 0.08 and "punctnames" not in self.off:
            w = r.choice(PUNCT_WORDS)
            if " " in w and "spacenames" in self.off:
                w = w.replace(" ", "")
            return w
        x = r.random()
        if x < 0.2 and "spacenames" not in self.off:
            return r.choice(SPACE_WORDS)
        if x < 0.27 and "unicode" not in self.off:
            w = r.choice(UNICODE_WORDS)
            if " " in w and "spacenames" in self.off:
                w = w.replace(" ", "")
            return w
        return r.choice(WORDS)

    def pick_accounts(self):
        r = self.rng
        tops = r.sample(TOPS, r.randint(2, 5))
        leaves = set()
        target = r.randint(4, 14)
        tries = 0
        while len(leaves) < target and tries < 500:
            tries += 1
            depth = r.choice([1, 2, 2, 3, 3, 4])
            parts = [r.choice(tops)] + [self.make_component()
                                        for _ in range(depth - 1)]
            leaves.add(":".join(parts))
        accounts = set()
        for leaf in sorted(leaves):
            parts = leaf.split(":")
            if "parentpost" in self.off:
                accounts.add(leaf)
            else:
                for i in range(1, len(parts) + 1):
                    if i == len(parts) or r.random() < 0.25:
                        accounts.add(":".join(parts[:i]))
        # a leaf may be the parent of another leaf; that is fine
        self.accounts = sorted(accounts)
        self.tops = tops

        # aliases: OLD is one component never used as a first component;
        # NEW is a prefix of a real account (never starts with an OLD)
        self.aliases = {}             # old -> new
        if self.on("alias", 0.5):
            cands = [a for a in ALIAS_NAMES if a not in tops]
            if "spacenames" in self.off:
                cands = [a for a in cands if " " not in a]
            for old in r.sample(cands, r.randint(1, 2)):
                base = r.choice(self.accounts).split(":")
                new = ":".join(base[:r.randint(1, len(base))])
                self.aliases[old] = new

    def written_name(self, account):
        """Possibly express `account` through an alias."""
        r = self.rng
        if not self.aliases or r.random() < 0.6:
            return account
        for old, new in self.aliases.items():
            if account == new:
                return old
            if account.startswith(new + ":"):
                return old + account[len(new):]
        return account

    # --------------------------------------------------------------- values

    def value(self, comm, positive=False, prec=None):
        r = self.rng
        p = comm.prec if prec is None else prec
        k = r.choice(MAGNITUDES)
        units = r.randint(1, 10 ** k)
        v = Decimal(units) if r.random() < 0.3 else \
            Decimal(r.randint(1, 10 ** (k + p))).scaleb(-p)
        if not positive and r.random() < 0.4:
            v = -v
        return v

    def fmt_number(self, v, prec, full=False):
        """Digits of abs(v), with between the needed and `prec` decimals."""
        r = self.rng
        a = abs(v)
        need = max(0, -a.normalize().as_tuple().exponent)
        assert need <= prec, (v, prec)
        places = prec if full or r.random() < 0.6 else r.randint(need, prec)
        q = a.quantize(Decimal(1).scaleb(-places)) if places else a.quantize(Decimal(1))
        s = "{:f}".format(q)
        intpart, _, frac = s.partition(".")
        if len(intpart) > 3 and self.on("grouping", 0.45):
            groups = []
            while len(intpart) > 3:
                groups.insert(0, intpart[-3:])
                intpart = intpart[:-3]
            groups.insert(0, intpart)
            if len(groups) > 2 or frac:
                intpart = ",".join(groups)
            else:
                intpart = "".join(groups)
        return intpart + ("." + frac if frac else "")

    def fmt_amount(self, v, comm, vary=True, posting=False):
        r = self.rng
        # hledger's display precision is the largest precision of the
        # posting amounts; the first one of each commodity shows all
        # decimals so that inferred amounts are never rounded
        full = posting and comm.symbol not in self.full_written
        if posting:
            self.full_written.add(comm.symbol)
        num = self.fmt_number(v, comm.prec, full)
        neg = v < 0
        side, space = comm.side, comm.space
        if vary:
            if self.on("flipside", 0.1):
                side = "R" if side == "L" else "L"
            if r.random() < 0.15:
                space = not space
        sym = comm.text
        sp = " " if space and sym else ""
        minus = "-"
        if neg and vary and self.on("minusspace", 0.05):
            minus = "- "
        if side == "L":
            if neg and minus == "-" and self.on("signafter", 0.5):
                return "%s%s-%s" % (sym, sp, num)
            return "%s%s%s%s" % (minus if neg else "", sym, sp, num)
        return "%s%s%s%s" % (minus if neg else "", num, sp, sym)

    # -------------------------------------------------------- transactions

    def make_dates(self):
        r = self.rng
        y = r.randint(2015, 2023)
        d = (y, r.randint(1, 12), r.randint(1, 28))
        out = []
        cur = datetime.date(*d)
        for _ in range(self.ntxns):
            out.append((cur.year, cur.month, cur.day))
            gap = r.choice([0, 0, 1, 1, 2, 3, 5, 7, 10, 14, 20, 31, 45])
            cur = cur + datetime.timedelta(days=gap)
        return out

    def new_posting(self, amount=None, comm=None, cost=None, account=None):
        p = Posting(account or self.rng.choice(self.accounts), amount, comm,
                    cost=cost)
        return p

    def txn_postings(self):
        """Real postings of one transaction; balanced, maybe one inferred."""
        r = self.rng
        posts = []
        kind = r.random()
        named = [x for x in self.comms if x.symbol]
        if kind < 0.3 and self.on("costs") and len(named) >= 2:
            # 1-2 priced postings of other commodities, paid in commodity c
            c = r.choice(named)
            others = [x for x in named if x is not c]
            total = Decimal(0)
            for x in r.sample(others, min(len(others), r.choice([1, 1, 2]))):
                # quantity and price decimals must fit c's precision together
                qd = r.randint(0, min(x.prec, c.prec))
                pd = r.randint(0, c.prec - qd)
                q = self.value(x, prec=qd)
                if q == 0:
                    q = Decimal(1)
                if r.random() < 0.5:
                    price = self.value(c, positive=True, prec=pd)
                    cost = q * price
                    posts.append(self.new_posting(q, x, ("@", price, c)))
                else:
                    tot = self.value(c, positive=True)
                    cost = tot if q > 0 else -tot
                    posts.append(self.new_posting(q, x, ("@@", tot, c)))
                total += cost
            rest = {c: -total}
        else:
            n = r.choice([1, 1, 1, 2, 2, 3])
            rest = {}
            ncomm = 1 if r.random() < 0.7 else r.randint(1, 2)
            use = r.sample(self.comms, min(ncomm, len(self.comms)))
            for _ in range(n):
                c = r.choice(use)
                v = self.value(c)
                if self.on("zero", 0.03):
                    v = Decimal(0)
                posts.append(self.new_posting(v, c))
                rest[c] = rest.get(c, Decimal(0)) - v
        # close the transaction: an inferred posting or explicit ones
        nonzero = {c: v for c, v in rest.items() if v != 0}
        multi = len(nonzero) > 1
        if nonzero and self.on("inferred", 0.6) and \
                (not multi or "multiinfer" not in self.off):
            p = self.new_posting()
            p.inferred = dict(nonzero)
            posts.insert(r.randint(0, len(posts)), p)
        else:
            for c, v in rest.items():
                if v == 0 and posts:
                    continue
                if r.random() < 0.3 and v != 0:
                    # split the balancing amount over two postings
                    part = self.value(c)
                    posts.append(self.new_posting(part, c))
                    v = v - part
                posts.append(self.new_posting(v, c))
        if r.random() < 0.3:
            r.shuffle(posts)
        return posts

    def virtual_postings(self):
        r = self.rng
        out = []
        if self.on("virtual", 0.2):
            for _ in range(r.randint(1, 2)):
                c = r.choice(self.comms)
                p = self.new_posting(self.value(c), c)
                p.virtual = "("
                out.append(p)
        if self.on("bvirtual", 0.15):
            c = r.choice(self.comms)
            v = self.value(c)
            a = self.new_posting(v, c)
            b = self.new_posting(-v, c)
            a.virtual = b.virtual = "["
            out += [a, b]
        return out

    def build_txn(self, date):
        r = self.rng
        t = Txn(date)
        if self.on("status", 0.5):
            t.status = r.choice(["*", "!"])
        if self.on("code", 0.2):
            t.code = r.choice(["%d" % r.randint(1, 9999), "A-%d" % r.randint(1, 99),
                               "chq %d" % r.randint(100, 999)])
        t.desc = r.choice(PAYEES)
        if self.on("note", 0.25):
            t.desc += " | " + r.choice(NOTES)
        if self.on("emptytxn", 0.03):
            return t
        real = [] if r.random() < 0.04 else self.txn_postings()
        virt = self.virtual_postings()
        if not real and not virt:
            real = self.txn_postings()
        # balanced virtual postings may carry the inferred amount when no
        # real posting does
        if virt and not any(p.amount is None for p in real) and \
                self.on("inferred", 0.3):
            bv = [p for p in virt if p.virtual == "["]
            if bv:
                p = bv[-1]
                p.inferred = {p.comm: -sum((q.amount for q in bv if q is not p),
                                          Decimal(0))}
                p.amount = None
        posts = real + virt
        if r.random() < 0.3:
            r.shuffle(posts)
        t.postings = posts
        for p in posts:
            p.written = self.written_name(p.account)
            if self.on("status", 0.08):
                p.status = r.choice(["*", "!"])
        return t

    def apply_balances(self, t):
        """Update running balances and add true assertions."""
        r = self.rng
        inferred_accounts = {p.account for p in t.postings if p.amount is None}
        for p in t.postings:
            deltas = p.inferred if p.amount is None else {p.comm: p.amount}
            for c, v in deltas.items():
                k = (p.account, c.symbol)
                self.bal_all[k] = self.bal_all.get(k, Decimal(0)) + v
                if not p.virtual:
                    self.bal_real[k] = self.bal_real.get(k, Decimal(0)) + v
            if p.amount is None or p.virtual or p.account in inferred_accounts:
                continue
            if not self.on("assertions", 0.25):
                continue
            c = p.comm
            k = (p.account, c.symbol)
            a = self.bal_all.get(k, Decimal(0))
            if a != self.bal_real.get(k, Decimal(0)):
                continue
            if not c.symbol and any(
                    self.bal_all.get((p.account, x.symbol)) or
                    self.bal_real.get((p.account, x.symbol))
                    for x in self.comms if x.symbol):
                # ledger compares a commodity-less assertion with the whole
                # multi-commodity balance
                continue
            p.assertion = (a, c)

    def decorate(self, t):
        r = self.rng
        if self.on("comments", 0.2):
            t.inline = r.choice(COMMENT_TEXT)
        if self.on("tags", 0.15):
            t.inline = (t.inline + " " if t.inline else "") + self.tag_text()
        if self.on("comments", 0.1):
            t.pre_comments.append(r.choice(COMMENT_TEXT))
        if self.on("tags", 0.08):
            t.pre_comments.append(self.tag_text())
        for p in t.postings:
            if self.on("comments", 0.1):
                p.inline = r.choice(COMMENT_TEXT)
            if self.on("tags", 0.08):
                p.inline = (p.inline + " " if p.inline else "") + self.tag_text()
            if self.on("comments", 0.05):
                p.after.append(r.choice(COMMENT_TEXT))

    def tag_text(self):
        r = self.rng
        if r.random() < 0.5:
            return "%s: %s" % (r.choice(TAG_NAMES), r.choice(TAG_VALUES))
        tags = r.sample(BARE_TAGS, r.randint(1, 2))
        return ":" + ":".join(tags) + ":"

    # ------------------------------------------------------------- writing

    def indent(self):
        r = self.rng
        if self.on("tabs", 0.15):
            return "\t"
        return r.choice(["    ", "    ", "  ", " ", "   "])

    def sep(self):
        r = self.rng
        if self.on("tabs", 0.15):
            return r.choice(["\t\t", " \t", "\t ", "\t  "])
        return " " * r.choice([2, 2, 2, 3, 4, 6, 10])

    def fmt_date(self, date, yearless_year, sep=None, full=False):
        r = self.rng
        y, m, d = date
        seps = ["-"]
        if "slashdates" not in self.off:
            seps.append("/")
        if "dotdates" not in self.off:
            seps.append(".")
        s = sep or r.choice(seps)
        short = self.on("shortdates", 0.15)
        md = ("%d%s%d" if short else "%02d%s%02d") % (m, s, d)
        if not full and yearless_year == y and r.random() < 0.6:
            return md
        return "%04d%s%s" % (y, s, md)

    def aux_date(self, date):
        x = datetime.date(*date) + datetime.timedelta(days=self.rng.randint(0, 20))
        return self.fmt_date((x.year, x.month, x.day), None, full=True)

    def eol(self):
        if self.on("trailingws", 0.05):
            return self.rng.choice([" ", "  ", "\t", " \t"]) + "\n"
        return "\n"

    def blank(self):
        if self.on("trailingws", 0.1):
            return self.rng.choice([" ", "    ", "\t"]) + "\n"
        return "\n"

    def write_txn(self, t, yearless_year):
        r = self.rng
        head = self.fmt_date(t.date, yearless_year)
        if self.on("auxdates", 0.08):
            head += "=" + self.aux_date(t.date)
        if t.status:
            head += " " + t.status
        if t.code:
            head += " (%s)" % t.code
        head += " " + t.desc
        if t.inline:
            head += "  ; " + t.inline
        lines = [head]
        for c in t.pre_comments:
            lines.append(self.indent() + "; " + c)
        for p in t.postings:
            name = p.written
            if p.virtual == "(":
                name = "(%s)" % name
            elif p.virtual == "[":
                name = "[%s]" % name
            line = self.indent()
            if p.status:
                line += p.status + " "
            line += name
            if p.amount is not None:
                line += self.sep() + self.fmt_amount(p.amount, p.comm,
                                                     posting=True)
                if p.cost:
                    kind, v, c = p.cost
                    line += " %s %s" % (kind, self.fmt_amount(v, c))
                if p.assertion:
                    line += " = " + self.fmt_amount(*p.assertion)
            if p.inline:
                line += (self.sep() if p.amount is None else "  ") + "; " + p.inline
            lines.append(line)
            for c in p.after:
                lines.append(self.indent() + "; " + c)
        return "".join(ln + self.eol() for ln in lines)

    def commodity_directive(self, c):
        num = "1,000" + ("." + "0" * c.prec if c.prec else ".")
        sym = c.text
        if c.side == "L":
            return "commodity %s%s%s" % (sym, " " if c.space else "", num)
        return "commodity %s%s%s" % (num, " " if c.space else "", sym)

    def price_directive(self, date):
        r = self.rng
        named = [x for x in self.comms if x.symbol]
        if len(named) < 2:
            return None
        a, b = r.sample(named, 2)
        return "P %04d-%02d-%02d %s %s" % (date[0], date[1], date[2], a.text,
                                          self.fmt_amount(self.value(b, positive=True), b))

    def filler(self):
        """Top-level comment lines / blocks between transactions."""
        r = self.rng
        out = []
        if self.on("comments", 0.15):
            out.append(r.choice([";", ";", "#", "#", "*"]) + " " +
                       r.choice(COMMENT_TEXT) + "\n")
        if self.on("commentblocks", 0.05):
            d = self.dates[0]
            out.append("comment\n%04d-%02d-%02d ignored txn\n    %s  %s\n    %s\n"
                       "end comment\n" % (d[0], d[1], d[2], self.accounts[0],
                                          self.fmt_amount(Decimal(999), self.comms[0]),
                                          "Nowhere"))
        return out

    # ---------------------------------------------------------------- main

    def generate(self):
        r = self.rng
        self.pick_commodities()
        self.pick_accounts()
        self.dates = self.make_dates()
        self.bal_all, self.bal_real = {}, {}
        txns = []
        for d in self.dates:
            t = self.build_txn(d)
            self.apply_balances(t)
            self.decorate(t)
            txns.append(t)

        # Where included files go: contiguous runs of transactions whose
        # first date differs from the previous transaction's date.
        n = len(txns)
        segs = []   # (start, end, depth) half-open ranges moved into files
        if self.use_dir and self.on("include", 0.7) and n >= 4:
            cut = [i for i in range(1, n) if txns[i].date != txns[i - 1].date]
            if len(cut) >= 2:
                a, b = sorted(r.sample(cut, 2))
                segs.append((a, b))
                inner = [i for i in cut if a < i < b]
                if len(inner) >= 2 and r.random() < 0.5:
                    c1, c2 = sorted(r.sample(inner, 2))
                    segs.append((c1, c2))
        # Y directive: only in the main file, before some transaction
        y_at, y_year = None, None
        if self.on("yearless", 0.5):
            y_at = r.randint(0, n - 1)
            # year of a later transaction, so year-less dates occur
            y_year = txns[r.randint(y_at, n - 1)].date[0]

        header = []
        if "comments" not in self.off:
            header.append("; journal generated with seed %d\n" % self.seed)
        for old, new in self.aliases.items():
            header.append("alias %s=%s\n" % (old, new))
        if self.on("accountdir", 0.6):
            for a in r.sample(self.accounts, r.randint(1, len(self.accounts))):
                header.append("account %s\n" % a)
        if self.on("commoditydir", 0.6):
            named = [x for x in self.comms if x.symbol]
            for c in r.sample(named, r.randint(0, len(named))):
                header.append(self.commodity_directive(c) + "\n")
        if self.on("pricedir", 0.5):
            for _ in range(r.randint(1, 3)):
                pd = self.price_directive(r.choice(self.dates))
                if pd:
                    header.append(pd + "\n")
        header.append("\n")

        # write main file and included files
        out_main = list(header)
        incfiles = {}
        if segs:
            outer = segs[0]
            inner = segs[1] if len(segs) > 1 else None
        else:
            outer = inner = None
        main_name = "main.journal"
        outer_name = "inc/part1.journal"
        inner_rel, inner_name = "part2.journal", "inc/part2.journal"
        buf = {main_name: out_main, outer_name: [], inner_name: []}
        cur_year = None
        for i, t in enumerate(txns):
            if outer and i == outer[0]:
                out_main.append("include %s\n\n" % outer_name)
            if inner and i == inner[0]:
                buf[outer_name].append("include %s\n\n" % inner_rel)
            if inner and inner[0] <= i < inner[1]:
                target, in_main = buf[inner_name], False
            elif outer and outer[0] <= i < outer[1]:
                target, in_main = buf[outer_name], False
            else:
                target, in_main = out_main, True
            if in_main and y_at is not None and i >= y_at and cur_year is None:
                cur_year = y_year
                out_main.append("Y %d\n\n" % y_year)
            target.extend(self.filler())
            if in_main and self.on("pricedir", 0.05):
                pd = self.price_directive(t.date)
                if pd:
                    target.append(pd + "\n")
            target.append(self.write_txn(t, cur_year if in_main else None))
            target.append(self.blank())
        files = {main_name: "".join(out_main)}
        if outer:
            files[outer_name] = "".join(buf[outer_name])
        if inner:
            files[inner_name] = "".join(buf[inner_name])
        self.files = files
        return files


def generate(seed, ntxns=None, without=(), use_dir=False):
    """Return (files, generator); files maps relative paths to text."""
    g = Generator(seed, ntxns=ntxns, without=without, use_dir=use_dir)
    return g.generate(), g


def write_dir(files, d):
    for rel, text in files.items():
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
    return os.path.join(d, "main.journal")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seed", type=int, nargs="?")
    ap.add_argument("--dir", help="write main.journal and included files here")
    ap.add_argument("--txns", type=int, help="number of transactions")
    ap.add_argument("--without", default="",
                    help="comma-separated features to disable")
    ap.add_argument("--list-features", action="store_true")
    a = ap.parse_args(argv)
    if a.list_features:
        for k, v in FEATURES.items():
            print("%-14s %s" % (k, v))
        return 0
    if a.seed is None:
        ap.error("SEED is required")
    without = [w for w in a.without.split(",") if w]
    bad = [w for w in without if w not in FEATURES]
    if bad:
        ap.error("unknown feature(s): %s" % ", ".join(bad))
    files, _ = generate(a.seed, a.txns, without, use_dir=bool(a.dir))
    if a.dir:
        print(write_dir(files, a.dir))
    else:
        sys.stdout.write(files["main.journal"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
