using Microsoft.Data.Sqlite;

namespace SceneCut.Worker.Tests.TestSupport;

/// <summary>
/// Reads a ledger while its owner runs (WAL lets a reader in beside the writer), the way an operator's
/// <c>sqlite3</c> would: the tests watch job states without taking the owner's lock.
/// </summary>
internal static class LedgerReader
{
    public static IReadOnlyList<(string Path, string State, int Attempts)> Jobs(string ledgerPath)
    {
        if (!File.Exists(ledgerPath))
        {
            return [];
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ledgerPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT source_path, state, attempts FROM jobs ORDER BY id";
            using var reader = command.ExecuteReader();
            var jobs = new List<(string, string, int)>();
            while (reader.Read())
            {
                jobs.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }

            return jobs;
        }
        catch (SqliteException)
        {
            // Not created yet or mid-migration: nothing to see this time.
            return [];
        }
    }
}
