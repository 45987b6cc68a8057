"""A real MCP client against `mathcheck serve`: the official Python SDK (pip install mcp).

Run: python3 Tests/MCPClient/test_mcp_server.py PATH-TO-mathcheck
It starts the server over stdio, lists the tools, calls each with good and bad arguments, checks the answers and
the error shapes, and exits non-zero on the first mismatch.
"""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
try:  # the name changed between SDK versions
    from mcp.shared.exceptions import MCPError as McpError
except ImportError:
    from mcp.shared.exceptions import McpError


def field(obj, snake, camel):
    """SDK 1.x names fields in camelCase, 2.x in snake_case."""
    return getattr(obj, snake) if hasattr(obj, snake) else getattr(obj, camel)


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


async def main(binary):
    params = StdioServerParameters(command=binary, args=["serve"])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            info = await session.initialize()
            check(field(info, "server_info", "serverInfo").name == "mathcheck", "server name")

            tools = {t.name: t for t in (await session.list_tools()).tools}
            check(sorted(tools) == ["evaluate", "factorize", "is_prime"], f"tools {sorted(tools)}")
            check(field(tools["is_prime"], "input_schema", "inputSchema")["properties"]["n"]["type"] == "string", "n travels as a string")
            check(field(tools["evaluate"], "input_schema", "inputSchema")["required"] == ["expression"], "evaluate needs an expression")

            cases = [
                ("is_prime", {"n": "34792834"},
                 {"n": "34792834", "is_prime": False, "certainty": "proven",
                  "evidence": {"factor": "2", "cofactor": "17396417"}}),
                ("factorize", {"n": "583835"},
                 {"n": "583835", "factors": [{"prime": "5", "exponent": 1}, {"prime": "7", "exponent": 2},
                                             {"prime": "2383", "exponent": 1}], "complete": True}),
                ("evaluate", {"expression": "cos(3532)"},
                 {"expression": "cos(3532)", "value": "0.66009029799722633494", "digits": 20,
                  "angle_unit": "radians"}),
                ("is_prime", {"n": "170141183460469231731687303715884105727"}, None),
            ]
            for name, arguments, expected in cases:
                result = await session.call_tool(name, arguments)
                check(not field(result, "is_error", "isError"), f"{name} {arguments} failed: {result.content}")
                text = json.loads(result.content[0].text)
                check(field(result, "structured_content", "structuredContent") == text, f"structuredContent differs from the text for {name}")
                if expected is not None:
                    check(text == expected, f"{name} {arguments}: {text}")
                else:
                    check(text["is_prime"] is True and text["certainty"] == "proven", f"2^127-1: {text}")

            # Bad arguments and bounds: a result with isError and a message a model can act on.
            for name, arguments, code in [
                ("is_prime", {"n": "12a"}, "invalid_number"),
                ("is_prime", {}, "invalid_argument"),
                ("evaluate", {"expression": "sin(1e100000)"}, "too_large"),
                ("evaluate", {"expression": "1/0"}, "domain"),
                ("factorize", {"n": "7", "extra": 1}, "invalid_arguments"),
                # Exponents found by fuzzing, which used to end the server: each an error result, then more answers.
                ("evaluate", {"expression": "2^99999999999999999999"}, "too_large"),
                ("evaluate", {"expression": "(-2)^99999999999999999999"}, "too_large"),
                ("evaluate", {"expression": "0.5^99999999999999999999"}, "too_large"),
                ("evaluate", {"expression": "2^-99999999999999999999"}, "too_large"),
                ("evaluate", {"expression": "e^99999999999999999999"}, "too_large"),
                ("evaluate", {"expression": "2^0.5^99999999999999999999"}, "too_large"),
                ("evaluate", {"expression": "(1e308)^(1e308)"}, "too_large"),
            ]:
                result = await session.call_tool(name, arguments)
                check(field(result, "is_error", "isError"), f"{name} {arguments} should fail")
                body = json.loads(result.content[0].text)
                check(body["code"] == code and body["error"], f"{name} {arguments}: {body}")

            # Huge arguments built from powers: the value, computed at the precision they need, never a false 0.
            for expression, value in [("sin(10^1000)", "0.65335979821036985695"),
                                      ("cos(7^2000)", "-0.96657449746405701457")]:
                result = await session.call_tool("evaluate", {"expression": expression})
                text = json.loads(result.content[0].text)
                check(text.get("value") == value and "note" not in text, f"{expression}: {text}")

            # An unknown tool is a JSON-RPC error.
            try:
                result = await session.call_tool("square_root", {"x": "2"})
                check(False, f"unknown tool answered: {result}")
            except McpError as error:
                code = getattr(getattr(error, "error", None), "code", None) or getattr(error, "code", None)
                check(code == -32602, f"unknown tool error code {code}: {error}")

            # The server keeps answering after errors.
            result = await session.call_tool("is_prime", {"n": "97"})
            check(json.loads(result.content[0].text)["is_prime"] is True, "97 after the errors")
    print("MCP client test passed: 3 tools listed, 4 good calls, 12 failing calls, 2 huge angles, 1 unknown tool")


asyncio.run(main(sys.argv[1]))
