import rule from "../../../src/lint/rules/xm-python.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: ["name = 'vm1'\nmemory = 512\n", "# import os\nname = 'vm1'\n"],
  invalid: [
    {
      code: "import os\nvmid = 1\nname = \"VM%d\" % vmid\n",
      errors: [
        { messageId: "python", line: 1, column: 1, message: /this is a Python statement/ },
        { messageId: "python", line: 3, column: 1, message: /the value of 'name' is computed by Python/ },
      ],
    },
  ],
});
