namespace PyStd.Random;

/// <summary>Which Python's <c>random</c> module a <see cref="PyRandom"/> reproduces.</summary>
/// <remarks>
/// Both modes share the Mersenne Twister, <c>random()</c>, <c>getrandbits()</c> for k &gt; 0 and
/// the seeding of ints; they differ in the seeding of other values and in the algorithms listed
/// in docs/random.md (<c>randrange</c>, <c>randint</c>, <c>choice</c>, <c>shuffle</c>, <c>sample</c>,
/// <c>triangular</c>, <c>gammavariate(1.0, …)</c>, <c>paretovariate</c>).
/// </remarks>
public enum RandomMode
{
    /// <summary>CPython 3.13 (the default): <c>random.Random</c> as Python 3 programs see it.</summary>
    Python3 = 0,

    /// <summary>
    /// CPython 2.7: <c>int(random() * n)</c> selection, <c>hash()</c> seeding of str, unicode and
    /// float, <c>jumpahead()</c>; created by <see cref="PyRandom.Python27(object)"/>.
    /// </summary>
    Python27 = 1,
}
