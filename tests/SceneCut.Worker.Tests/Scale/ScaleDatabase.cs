using Npgsql;

namespace SceneCut.Worker.Tests.Scale;

/// <summary>A fresh database per test on the test cluster, so tests never see each other's jobs.</summary>
internal sealed class ScaleDatabase
{
    private ScaleDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<ScaleDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new ScaleDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string?> TextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Stops or starts the whole test cluster (<c>.ci/postgres ctl</c>), to take the database away for a while.</summary>
    public static async Task ServerAsync(string action)
    {
        var control = Environment.GetEnvironmentVariable("SCENECUT_TEST_PGCTL")!.Split(' ');
        var start = new System.Diagnostics.ProcessStartInfo(control[0]) { UseShellExecute = false };
        foreach (var argument in control.Skip(1).Append(action).Append(Environment.GetEnvironmentVariable("SCENECUT_TEST_PGDATA")!))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl {action} failed ({process.ExitCode})");
        }

        // Pooled connections to a restarted server are dead: drop them so the test's own queries reconnect.
        NpgsqlConnection.ClearAllPools();
    }

    public long Scalar(string sql) => ScalarAsync(sql).GetAwaiter().GetResult();

    /// <summary>The scalar, or -1 while a table it reads does not exist yet (the worker creates the schema at start).</summary>
    public long TryScalar(string sql)
    {
        try
        {
            return Scalar(sql);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return -1;
        }
    }
}
