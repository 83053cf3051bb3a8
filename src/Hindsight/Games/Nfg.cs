using System.Globalization;
using System.Text;

namespace Hindsight.Games;

/// <summary>
/// Gambit's strategic-game file format (.nfg, version 1), read and written: the header
/// <c>NFG 1 R "title" { "player" … } { n₁ n₂ … }</c> (or strategy names <c>{ { "s" … } … }</c>), an optional comment
/// string, then either the payoff list — for each pure profile, player 1's strategy varying fastest, every player's
/// payoff — or the outcome form: <c>{ { "name" u₁ u₂ … } … }</c> followed by one outcome number per profile (0: all
/// payoffs 0). Payoffs may be integers, decimals or rationals (<c>3/4</c>).
/// </summary>
/// <remarks>Written by hand: no .NET package reads .nfg. Every error names the file, line and column.</remarks>
public static class Nfg
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The .nfg file.</param>
    /// <returns>The game.</returns>
    /// <exception cref="NfgFormatException">The file is malformed.</exception>
    public static NormalFormGame Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses .nfg text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="file">The name to put in messages.</param>
    /// <returns>The game.</returns>
    public static NormalFormGame Parse(string text, string file = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = new Tokens(text, file);
        Token head = t.Next();
        if (head.Text != "NFG")
        {
            throw t.Error(head, $"expected 'NFG' at the start of the file, found {head.Describe()}");
        }

        Token version = t.Next();
        if (version.Text != "1")
        {
            throw t.Error(version, $"expected version 1, found {version.Describe()}");
        }

        Token kind = t.Next();
        if (kind.Text is not ("R" or "D"))
        {
            throw t.Error(kind, $"expected R or D (number kind), found {kind.Describe()}");
        }

        string title = t.ExpectString("the game's title");
        t.Expect("{", "the list of player names");
        var players = new List<string>();
        while (t.Peek().Text != "}")
        {
            players.Add(t.ExpectString("a player's name or '}'"));
        }

        t.Next();
        if (players.Count == 0)
        {
            throw t.Error(t.Peek(), "the game has no players");
        }

        t.Expect("{", "the strategy counts or names");
        var strategies = new List<IReadOnlyList<string>>();
        while (t.Peek().Text != "}")
        {
            Token item = t.Peek();
            if (item.Text == "{")
            {
                t.Next();
                var names = new List<string>();
                while (t.Peek().Text != "}")
                {
                    names.Add(t.ExpectString("a strategy name or '}'"));
                }

                t.Next();
                if (names.Count == 0)
                {
                    throw t.Error(item, "a player has no strategies");
                }

                strategies.Add(names);
            }
            else
            {
                Token count = t.Next();
                if (!int.TryParse(count.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || count.Quoted)
                {
                    throw t.Error(count, $"expected a strategy count ≥ 1 or a list of names, found {count.Describe()}");
                }

                strategies.Add([.. Enumerable.Range(1, n).Select(i => i.ToString(CultureInfo.InvariantCulture))]);
            }
        }

        Token close = t.Next();
        if (strategies.Count != players.Count)
        {
            throw t.Error(close, $"{players.Count} players but {strategies.Count} strategy lists");
        }

        if (t.Peek().Quoted)
        {
            t.Next(); // the optional comment
        }

        if (!NormalFormGame.TryCountProfiles(strategies.Select(s => s.Count), out long profiles))
        {
            throw t.Error(close, $"more than {NormalFormGame.MaxProfiles:N0} pure profiles are not supported");
        }

        double[][] payoffs = [.. players.Select(_ => new double[profiles])];
        if (t.Peek().Text == "{")
        {
            ReadOutcomes(t, players.Count, (int)profiles, payoffs);
        }
        else
        {
            for (int k = 0; k < profiles; k++)
            {
                for (int i = 0; i < players.Count; i++)
                {
                    Token v = t.Next();
                    if (v.IsEnd)
                    {
                        throw t.Error(v, $"the payoff list ends early: {profiles * players.Count} payoffs expected ({profiles} profiles × {players.Count} players), found {(k * players.Count) + i}");
                    }

                    payoffs[i][k] = t.Number(v);
                }
            }
        }

        Token rest = t.Next();
        if (!rest.IsEnd)
        {
            throw t.Error(rest, $"unexpected {rest.Describe()} after the last payoff: {profiles * players.Count} payoffs expected ({profiles} profiles × {players.Count} players)");
        }

        return new NormalFormGame(title, players, strategies, payoffs);
    }

    /// <summary>Writes a game in the payoff form, with its strategy names.</summary>
    /// <param name="game">The game.</param>
    /// <returns>The .nfg text.</returns>
    public static string Write(NormalFormGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        var sb = new StringBuilder();
        sb.Append("NFG 1 R ").Append(Quote(game.Title)).Append(" { ");
        foreach (string p in game.Players)
        {
            sb.Append(Quote(p)).Append(' ');
        }

        sb.Append("}\n{ ");
        foreach (IReadOnlyList<string> s in game.Strategies)
        {
            sb.Append("{ ").Append(string.Join(' ', s.Select(Quote))).Append(" }\n  ");
        }

        sb.Append("}\n\"\"\n\n");
        for (int k = 0; k < game.Profiles; k++)
        {
            for (int i = 0; i < game.Players.Count; i++)
            {
                sb.Append(game.Payoff(i, k).ToString("R", CultureInfo.InvariantCulture)).Append(i + 1 < game.Players.Count ? " " : string.Empty);
            }

            sb.Append(k + 1 < game.Profiles ? ' ' : '\n');
        }

        return sb.ToString();
    }

    private static void ReadOutcomes(Tokens t, int players, int profiles, double[][] payoffs)
    {
        t.Expect("{", "the outcome list");
        var outcomes = new List<double[]>();
        while (t.Peek().Text != "}")
        {
            Token open = t.Expect("{", "an outcome { \"name\" payoffs… } or '}'");
            if (t.Peek().Quoted)
            {
                t.Next();
            }

            var values = new List<double>();
            while (t.Peek().Text != "}")
            {
                Token v = t.Next();
                if (v.IsEnd)
                {
                    throw t.Error(v, "the file ends inside an outcome");
                }

                values.Add(t.Number(v));
            }

            t.Next();
            if (values.Count != players)
            {
                throw t.Error(open, $"an outcome needs {players} payoffs (one per player), found {values.Count}");
            }

            outcomes.Add([.. values]);
        }

        t.Next();
        for (int k = 0; k < profiles; k++)
        {
            Token v = t.Next();
            if (v.IsEnd)
            {
                throw t.Error(v, $"the outcome list ends early: {profiles} outcome numbers expected, found {k}");
            }

            if (!int.TryParse(v.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int o) || v.Quoted || o > outcomes.Count)
            {
                throw t.Error(v, $"expected an outcome number in 0..{outcomes.Count}, found {v.Describe()}");
            }

            for (int i = 0; i < players; i++)
            {
                payoffs[i][k] = o == 0 ? 0 : outcomes[o - 1][i];
            }
        }
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private readonly record struct Token(string Text, bool Quoted, int Line, int Column, bool IsEnd)
    {
        public string Describe() => IsEnd ? "the end of the file" : Quoted ? $"the string \"{Text}\"" : $"'{Text}'";
    }

    /// <summary>A tokenizer over .nfg text: quoted strings (with \" escapes), braces and bare words, with positions.</summary>
    private sealed class Tokens(string text, string file)
    {
        private int _pos;
        private int _line = 1;
        private int _column = 1;
        private Token? _peeked;

        public Token Peek() => _peeked ??= Read();

        public Token Next()
        {
            Token t = Peek();
            _peeked = null;
            return t;
        }

        public Token Expect(string what, string description)
        {
            Token t = Next();
            return t.Text == what && !t.Quoted ? t : throw Error(t, $"expected '{what}' ({description}), found {t.Describe()}");
        }

        public string ExpectString(string description)
        {
            Token t = Next();
            return t.Quoted ? t.Text : throw Error(t, $"expected a quoted string ({description}), found {t.Describe()}");
        }

        public double Number(Token t)
        {
            if (!t.Quoted && !t.IsEnd)
            {
                int slash = t.Text.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0 && double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
                {
                    return v;
                }

                if (slash > 0
                    && double.TryParse(t.Text[..slash], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out double num)
                    && double.TryParse(t.Text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out double den) && den != 0)
                {
                    return num / den;
                }
            }

            throw Error(t, $"expected a payoff (a number such as 3, -0.5 or 3/4), found {t.Describe()}");
        }

        public NfgFormatException Error(Token t, string problem) => new(file, t.Line, t.Column, problem);

        private Token Read()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                Advance();
            }

            int line = _line, column = _column;
            if (_pos >= text.Length)
            {
                return new Token(string.Empty, false, line, column, true);
            }

            char c = text[_pos];
            if (c is '{' or '}')
            {
                Advance();
                return new Token(c.ToString(), false, line, column, false);
            }

            if (c == '"')
            {
                Advance();
                var sb = new StringBuilder();
                while (true)
                {
                    if (_pos >= text.Length)
                    {
                        throw new NfgFormatException(file, line, column, "a quoted string is never closed");
                    }

                    char d = text[_pos];
                    Advance();
                    if (d == '\\' && _pos < text.Length)
                    {
                        sb.Append(text[_pos]);
                        Advance();
                    }
                    else if (d == '"')
                    {
                        return new Token(sb.ToString(), true, line, column, false);
                    }
                    else
                    {
                        sb.Append(d);
                    }
                }
            }

            int start = _pos;
            while (_pos < text.Length && !char.IsWhiteSpace(text[_pos]) && text[_pos] is not ('{' or '}' or '"'))
            {
                Advance();
            }

            return new Token(text[start.._pos], false, line, column, false);
        }

        private void Advance()
        {
            if (text[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _pos++;
        }
    }
}
