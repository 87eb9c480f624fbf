using SQLitePCL;

namespace PyStd.Dbm;

internal sealed partial class SqliteDbm
{
    /// <summary>The <c>dbm.sqlite3</c> half of <see cref="DbmVerifier"/>.</summary>
    internal static long Verify(string path, List<string> problems, List<string> notes)
    {
        SqliteDbm db;
        try
        {
            db = Open(path, DbmOpenMode.Read, Dbm.DefaultMode);
        }
        catch (DbmException e)
        {
            problems.Add(e.Message);
            return 0;
        }

        long records = 0;
        try
        {
            using (sqlite3_stmt check = db.Prepare("PRAGMA integrity_check"))
            {
                while (db.Step(check) == raw.SQLITE_ROW)
                {
                    string line = raw.sqlite3_column_text(check, 0).utf8_to_string();
                    if (line != "ok")
                    {
                        problems.Add($"{path}: integrity_check: {line}");
                    }
                }
            }

            using (sqlite3_stmt schema = db.Prepare("SELECT name, type, \"notnull\" FROM pragma_table_info('Dict') ORDER BY cid"))
            {
                var columns = new List<string>();
                while (db.Step(schema) == raw.SQLITE_ROW)
                {
                    columns.Add($"{raw.sqlite3_column_text(schema, 0).utf8_to_string()} {raw.sqlite3_column_text(schema, 1).utf8_to_string()}{(raw.sqlite3_column_int(schema, 2) != 0 ? " NOT NULL" : "")}");
                }

                string found = string.Join(", ", columns);
                if (found != "key BLOB NOT NULL, value BLOB NOT NULL")
                {
                    // CPython 3.13's pre-release builds declared the key TEXT; they still read here.
                    (found == "key TEXT NOT NULL, value BLOB NOT NULL" ? notes : problems)
                        .Add($"{path}: table Dict has columns ({found}), expected (key BLOB NOT NULL, value BLOB NOT NULL)");
                }
            }

            using sqlite3_stmt rows = db.Prepare("SELECT typeof(key), typeof(value), key FROM Dict");
            while (db.Step(rows) == raw.SQLITE_ROW)
            {
                string kt = raw.sqlite3_column_text(rows, 0).utf8_to_string();
                string vt = raw.sqlite3_column_text(rows, 1).utf8_to_string();
                if (kt != "blob" || vt != "blob")
                {
                    notes.Add($"{path}: key {Objects.PyRepr.Repr(raw.sqlite3_column_blob(rows, 2).ToArray())} is stored as {kt}/{vt}, not blob/blob (written by something other than dbm.sqlite3)");
                }

                records++;
            }
        }
        catch (DbmException e)
        {
            problems.Add(e.Message);
        }
        finally
        {
            db.Close();
        }

        return records;
    }
}
