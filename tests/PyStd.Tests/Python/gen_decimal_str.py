"""str() of decimal.Decimal for edge and random literals, for PyDecimal's parser and printer.

Usage: gen_decimal_str.py SEED   Prints: literal <TAB> str(Decimal(literal)) <TAB> repr
"""
import decimal
import random
import sys

rnd = random.Random(int(sys.argv[1]))
edges = ['0', '-0', '0.00', '-0.000', '1', '1.0', '1.50', '100', '1E+3', '1e3', '1E-3', '0.000001', '0.0000001',
         '123.456e-10', '-1.23E+5', '1_000.5', 'Infinity', '-inf', 'INF', 'NaN', '-nan', 'sNaN', 'NaN0012', '-sNaN999',
         '  12.5  ', '+7', '.5', '5.', '1E+999999999', '1e-999999999', '12345678901234567890123456789012345678901234567890',
         '0E+5', '0E-5', '-0E+2', '9.999999999999999999999999999', '79228162514264337593543950335', '79228162514264337593543950336']
lits = list(edges)
for _ in range(3000):
    digits = ''.join(rnd.choice('0123456789') for _ in range(rnd.randrange(1, 40)))
    k = rnd.randrange(4)
    if k == 0:
        lit = digits
    elif k == 1:
        p = rnd.randrange(len(digits) + 1)
        lit = digits[:p] + '.' + digits[p:]
    elif k == 2:
        lit = digits + 'E' + str(rnd.randrange(-60, 60))
    else:
        p = rnd.randrange(len(digits) + 1)
        e = rnd.randrange(-40, 40)
        lit = digits[:p] + '.' + digits[p:] + 'e' + ('+' if e >= 0 and rnd.random() < 0.5 else '') + str(e)
    if rnd.random() < 0.3:
        lit = '-' + lit
    lits.append(lit)
for lit in lits:
    d = decimal.Decimal(lit)
    print('%s\t%s\t%r' % (lit, str(d), d))
