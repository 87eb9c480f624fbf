using PyStd.Dbm;
using PyStd.Dbm.Tests;

// Usage: CrashHost <sqlite3|dumb> <path> <seed> <firstOp> <maxOps> [keyPrefix]
// Applies the CrashWorkload groups from firstOp on, printing "ack <lastOpOfGroup>" after each group is
// acknowledged (Set/Remove/Commit returned), until maxOps ops or until killed.
DbmBackend backend = args[0] == "dumb" ? DbmBackend.Dumb : DbmBackend.Sqlite3;
string path = args[1];
int seed = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
int op = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
int maxOps = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
string prefix = args.Length > 5 ? args[5] : "key";
var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
try
{
    using IDbm db = Dbm.Open(path, "c", Dbm.DefaultMode, backend);
    stdout.WriteLine("open");
    while (op < maxOps)
    {
        int size = CrashWorkload.GroupSize(seed, op);
        if (size == 1)
        {
            CrashWorkload.Op o = CrashWorkload.At(seed, op, prefix);
            if (o.Value is null)
            {
                db.Remove(o.Key);
            }
            else
            {
                db.Set(o.Key, o.Value);
            }
        }
        else
        {
            using IDbmBatch batch = db.BeginBatch();
            for (int i = op; i < op + size; i++)
            {
                CrashWorkload.Op o = CrashWorkload.At(seed, i, prefix);
                if (o.Value is null)
                {
                    batch.Remove(o.Key);
                }
                else
                {
                    batch.Set(o.Key, o.Value);
                }
            }

            batch.Commit();
        }

        op += size;
        stdout.WriteLine($"ack {op - 1}");
    }

    return 0;
}
catch (DbmException e)
{
    stdout.WriteLine($"error {e.Message}");
    return 3;
}
