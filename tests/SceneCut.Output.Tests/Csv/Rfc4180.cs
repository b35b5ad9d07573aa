using System.Text;

namespace SceneCut.Output.Tests.Csv;

/// <summary>A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes), to read the CSV back.</summary>
internal static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                Assert.True(i == text.Length || text[i] == ',' || text[i] == '\r', $"text after a closing quote at {i}");
            }
            else
            {
                while (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    Assert.True(text[i] is not ('"' or '\n'), $"bare quote or LF in an unquoted field at {i}");
                    field.Append(text[i++]);
                }
            }

            record.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            if (i < text.Length)
            {
                Assert.True(text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n', $"record not ended by CRLF at {i}");
                i += 2;
            }

            records.Add(record);
            record = [];
        }

        return records;
    }
}
